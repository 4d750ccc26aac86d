// Command etcd is upstream etcd's server, built from go.etcd.io/etcd/server/v3 at the version
// Kubernetes pins for its own etcd (see go.mod); the same entry point as etcd's own main.go.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
