// Command coredns is upstream CoreDNS built with only the plugins the local cluster's DNS needs:
// bind, errors, health, ready, cache and kubernetes (cluster.local from the API server). No
// forward, grpc or any other plugin that sends a query elsewhere is compiled in: a name outside
// the cluster's zones is answered REFUSED by CoreDNS itself (network safety: nothing may leave
// the machine). The same entry point as CoreDNS's own coredns.go; only the plugin list differs.
package main

import (
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/ready"
)

// directives: the order CoreDNS's own list (core/dnsserver/zdirectives.go) gives these plugins; a
// Corefile naming any other directive is refused at start.
var directives = []string{"bind", "ready", "health", "errors", "cache", "kubernetes"}

func main() {
	dnsserver.Directives = directives
	coremain.Run()
}
