# Turns the subset of #cloud-config the test guest supports (hostname, ssh_authorized_keys,
# write_files, runcmd) into a shell script, in cloud-init's order: hostname, keys and files first,
# runcmd last. Other keys are reported and ignored. Block (|, |-, >) and flow ([a, b]) values work.
function trim(v) { sub(/^[ \t]+/, "", v); sub(/[ \t\r]+$/, "", v); return v }
function indent(s) { match(s, /^ */); return RLENGTH }
function q(v) { gsub(/'/, "'\\''", v); return "'" v "'" }
function unquote(v) {
  v = trim(v)
  if (v ~ /^'.*'$/) { v = substr(v, 2, length(v) - 2); gsub(/''/, "'", v); return v }
  if (v ~ /^".*"$/) {
    v = substr(v, 2, length(v) - 2)
    gsub(/\\n/, "\n", v); gsub(/\\t/, "\t", v); gsub(/\\"/, "\"", v); gsub(/\\\\/, "\\", v)
  }
  return v
}
function blank(l) { l = trim(l); return l == "" || l ~ /^#/ }
# Reads the block scalar that follows line i-1 (lines indented deeper than parent) into BLOCK.
function block(i, parent, style,   n, text, bi) {
  text = ""; bi = -1
  for (; i <= NR; i++) {
    if (trim(line[i]) == "") { text = text "\n"; continue }
    n = indent(line[i]); if (n <= parent) break
    if (bi < 0) bi = n
    text = text substr(line[i], bi + 1) (style == ">" ? " " : "\n")
  }
  sub(/[\n ]+$/, "", text)
  BLOCK = (style == "|-") ? text : text "\n"
  return i
}
# A value: block scalar, flow list (joined as quoted words) or plain/quoted scalar, into VALUE.
function value(i, v, parent,   parts, k, n) {
  v = trim(v)
  if (v ~ /^[|>]-?$/) { i = block(i, parent, v); VALUE = BLOCK; return i }
  if (v ~ /^\[.*\]$/) {
    n = split(substr(v, 2, length(v) - 2), parts, ","); VALUE = ""
    for (k = 1; k <= n; k++) VALUE = VALUE (k > 1 ? " " : "") q(unquote(parts[k]))
    return i
  }
  VALUE = unquote(v); return i
}
# ssh_authorized_keys go to the default user (awk -v user=NAME -v home=DIR), as cloud-init does.
function keys(i,   l, ssh) {
  ssh = home "/.ssh"
  print "mkdir -p " q(ssh) " && chmod 0700 " q(ssh)
  for (; i <= NR && (blank(line[i]) || line[i] ~ /^ *- /); i++) {
    if (blank(line[i])) continue
    l = line[i]; sub(/^ *- /, "", l)
    print "echo " q(unquote(l)) " >> " q(ssh "/authorized_keys")
  }
  print "chmod 0600 " q(ssh "/authorized_keys") " && chown -R " q(user ":" user) " " q(ssh)
  return i
}
function runcmd(i,   l, n) {
  while (i <= NR && (blank(line[i]) || line[i] ~ /^ *- /)) {
    if (blank(line[i])) { i++; continue }
    l = line[i]; n = indent(l); sub(/^ *- /, "", l)
    i = value(i + 1, l, n); RUN = RUN VALUE "\n"
  }
  return i
}
function writefile(f) {
  if (f["path"] == "") return
  print "mkdir -p \"$(dirname " q(f["path"]) ")\""
  print "printf '%s' " q(f["content"]) (f["encoding"] ~ /b(ase)?64/ ? " | base64 -d" : "") \
    (f["append"] == "true" ? " >> " : " > ") q(f["path"])
  if (f["permissions"] != "") print "chmod " unquote(f["permissions"]) " " q(f["path"])
  print "echo " q("cloud-init: wrote " f["path"])
}
function writefiles(i,   l, n, fi, key, f) {
  while (i <= NR && (blank(line[i]) || line[i] ~ /^ *- /)) {
    if (blank(line[i])) { i++; continue }
    n = indent(line[i]); fi = n + 2; split("", f)
    l = substr(line[i], fi + 1)
    while (1) {
      key = l; sub(/:.*/, "", key); sub(/^[^:]*:/, "", l)
      i = value(i + 1, l, fi); f[trim(key)] = VALUE
      while (i <= NR && blank(line[i])) i++
      if (i > NR || indent(line[i]) != fi || line[i] ~ /^ *- /) break
      l = substr(line[i], fi + 1)
    }
    writefile(f)
  }
  return i
}
{ line[NR] = $0 }
END {
  i = 1
  while (i <= NR) {
    if (blank(line[i]) || line[i] !~ /^[A-Za-z_-]+:/) { i++; continue }
    key = line[i]; sub(/:.*/, "", key); v = line[i]; sub(/^[^:]*:/, "", v); i++
    if (key == "hostname") { i = value(i, v, 0); print "hostname " q(VALUE) " && echo " q(VALUE) " > /etc/hostname" }
    else if (key ~ /^ssh[_-]authorized[_-]keys$/) i = keys(i)
    else if (key == "runcmd") i = runcmd(i)
    else if (key == "write_files") i = writefiles(i)
    else {
      print "echo " q("cloud-init: #cloud-config key " key " not supported here, ignored")
      while (i <= NR && (blank(line[i]) || line[i] ~ /^[ \t-]/)) i++
    }
  }
  if (RUN != "") { print "echo 'cloud-init: runcmd'"; printf "%s", RUN }
}
