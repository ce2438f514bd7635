// Command kube is the tests' Kubernetes control plane: one binary of one release that runs
// as kube-apiserver, kube-controller-manager or kubectl (the first argument picks, as
// hyperkube did), and `up`, which starts a whole control plane on loopback:
//
//	kube up --dir D        etcd (embedded) + kube-apiserver + kube-controller-manager;
//	                       writes D/kubeconfig, prints "ready <kubeconfig>" and runs until
//	                       SIGTERM or stdin closes, then stops all three and removes nothing.
//	kube kubectl ARGS      kubectl of the same release
//
// Nothing here is part of the library: it exists so that the tests judge dist/ with the real
// API server (validation, admission, defaulting, field management) and real controllers.
package main

import (
	"fmt"
	"os"

	"k8s.io/component-base/cli"
	kubectl "k8s.io/kubectl/pkg/cmd"
	kubectlutil "k8s.io/kubectl/pkg/cmd/util"
	apiserver "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"

	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kube up --dir D | kube kube-apiserver ... | kube kube-controller-manager ... | kube kubectl ...")
		os.Exit(2)
	}
	name, args := os.Args[1], os.Args[2:]
	// Each component reads os.Args itself (cobra, kubectl's plugin lookup): present it the
	// command line it would have had as its own binary.
	os.Args = append([]string{name}, args...)
	switch name {
	case "up":
		os.Exit(up(args))
	case "kube-apiserver":
		os.Exit(cli.Run(apiserver.NewAPIServerCommand()))
	case "kube-controller-manager":
		os.Exit(cli.Run(controllermanager.NewControllerManagerCommand()))
	case "kubectl":
		if err := cli.RunNoErrOutput(kubectl.NewDefaultKubectlCommand()); err != nil {
			kubectlutil.CheckErr(err)
		}
	default:
		fmt.Fprintf(os.Stderr, "kube: unknown command %q\n", name)
		os.Exit(2)
	}
}
