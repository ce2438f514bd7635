package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

// up starts etcd, kube-apiserver and kube-controller-manager on loopback with state under
// --dir, and stops them when it gets SIGTERM/SIGINT or its stdin closes (so a test runner
// that dies takes the control plane with it).
func up(args []string) int {
	fs := flag.NewFlagSet("up", flag.ExitOnError)
	dir := fs.String("dir", "", "state directory (certificates, etcd data, logs, kubeconfig)")
	controllers := fs.Bool("controllers", true, "also run kube-controller-manager")
	_ = fs.Parse(args)
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "up: --dir is required")
		return 2
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	pki, err := writePKI(filepath.Join(*dir, "pki"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "up: certificates:", err)
		return 1
	}

	etcdPort, apiPort := freePort(), freePort()
	etcd, err := startEtcd(filepath.Join(*dir, "etcd"), etcdPort)
	if err != nil {
		fmt.Fprintln(os.Stderr, "up: etcd:", err)
		return 1
	}
	defer etcd.Close()

	self, _ := os.Executable()
	// Each child is waited for once, by its own goroutine; `exited` closes when it ends.
	type child struct {
		cmd    *exec.Cmd
		exited chan struct{}
	}
	var children []child
	stop := func() {
		for i := len(children) - 1; i >= 0; i-- {
			_ = children[i].cmd.Process.Signal(syscall.SIGTERM)
		}
		for _, c := range children {
			select {
			case <-c.exited:
			case <-time.After(10 * time.Second):
				_ = c.cmd.Process.Kill()
				<-c.exited
			}
		}
	}
	defer stop()
	start := func(name string, args ...string) error {
		log, err := os.Create(filepath.Join(*dir, name+".log"))
		if err != nil {
			return err
		}
		c := exec.Command(self, append([]string{name}, args...)...)
		c.Stdout, c.Stderr = log, log
		c.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if err := c.Start(); err != nil {
			return err
		}
		exited := make(chan struct{})
		go func() { _ = c.Wait(); close(exited) }()
		children = append(children, child{c, exited})
		return nil
	}

	server := "https://127.0.0.1:" + strconv.Itoa(apiPort)
	err = start("kube-apiserver",
		"--etcd-servers=http://127.0.0.1:"+strconv.Itoa(etcdPort),
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
		"--secure-port="+strconv.Itoa(apiPort),
		"--cert-dir="+filepath.Join(*dir, "serving"),
		"--tls-cert-file="+pki.serverCert, "--tls-private-key-file="+pki.serverKey,
		"--client-ca-file="+pki.caCert,
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file="+pki.saPub,
		"--service-account-signing-key-file="+pki.saKey,
		"--service-cluster-ip-range=10.96.0.0/16",
		"--authorization-mode=Node,RBAC",
		"--endpoint-reconciler-type=none",
		// As kubeadm, kind and the managed offerings run it: privileged containers are a
		// matter for Pod Security admission per namespace, not a cluster-wide ban.
		"--allow-privileged=true",
		"--profiling=false",
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, "up: kube-apiserver:", err)
		return 1
	}
	kubeconfig := filepath.Join(*dir, "kubeconfig")
	if err := writeKubeconfig(kubeconfig, server, pki); err != nil {
		fmt.Fprintln(os.Stderr, "up: kubeconfig:", err)
		return 1
	}
	if err := waitReady(server, pki, 120*time.Second, children[0].exited); err != nil {
		fmt.Fprintln(os.Stderr, "up: kube-apiserver not ready:", err, "(see", filepath.Join(*dir, "kube-apiserver.log")+")")
		return 1
	}
	if *controllers {
		err = start("kube-controller-manager",
			"--kubeconfig="+kubeconfig,
			"--authentication-kubeconfig="+kubeconfig,
			"--authorization-kubeconfig="+kubeconfig,
			"--bind-address=127.0.0.1", "--secure-port="+strconv.Itoa(freePort()),
			"--service-account-private-key-file="+pki.saKey,
			"--root-ca-file="+pki.caCert,
			"--use-service-account-credentials=false",
			"--leader-elect=false",
			"--concurrent-deployment-syncs=10", "--concurrent-replicaset-syncs=10",
			"--concurrent-statefulset-syncs=10",
		)
		if err != nil {
			fmt.Fprintln(os.Stderr, "up: kube-controller-manager:", err)
			return 1
		}
	}
	fmt.Println("ready", kubeconfig)

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	stdinClosed := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); close(stdinClosed) }()
	select {
	case <-signals:
	case <-stdinClosed:
	}
	return 0
}

func startEtcd(dir string, port int) (*embed.Etcd, error) {
	cfg := embed.NewConfig()
	cfg.Dir = dir
	cfg.LogLevel = "error"
	u, _ := url.Parse("http://127.0.0.1:" + strconv.Itoa(port))
	peer, _ := url.Parse("http://127.0.0.1:" + strconv.Itoa(freePort()))
	cfg.ListenClientUrls, cfg.AdvertiseClientUrls = []url.URL{*u}, []url.URL{*u}
	cfg.ListenPeerUrls, cfg.AdvertisePeerUrls = []url.URL{*peer}, []url.URL{*peer}
	cfg.InitialCluster = cfg.Name + "=" + peer.String()
	cfg.UnsafeNoFsync = true // a throwaway test store: durability buys nothing here
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return nil, err
	}
	select {
	case <-e.Server.ReadyNotify():
		return e, nil
	case <-time.After(60 * time.Second):
		e.Close()
		return nil, fmt.Errorf("not ready after 60 s")
	}
}

type pkiFiles struct{ caCert, serverCert, serverKey, adminCert, adminKey, saKey, saPub string }

// writePKI writes a CA, the API server's serving certificate (loopback and the in-cluster
// names), an admin client certificate in system:masters and the service-account key pair.
func writePKI(dir string) (pkiFiles, error) {
	p := pkiFiles{
		caCert: filepath.Join(dir, "ca.crt"), serverCert: filepath.Join(dir, "apiserver.crt"),
		serverKey: filepath.Join(dir, "apiserver.key"), adminCert: filepath.Join(dir, "admin.crt"),
		adminKey: filepath.Join(dir, "admin.key"), saKey: filepath.Join(dir, "sa.key"), saPub: filepath.Join(dir, "sa.pub"),
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return p, err
	}
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	now := time.Now()
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kube-test-ca"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		return p, err
	}
	ca, _ = x509.ParseCertificate(caDER)
	leaf := func(serial int64, subject pkix.Name, usage x509.ExtKeyUsage, dns []string, ips []net.IP, certFile, keyFile string) error {
		key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: subject, DNSNames: dns, IPAddresses: ips,
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
			KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			return err
		}
		keyDER, _ := x509.MarshalECPrivateKey(key)
		if err := writePEM(certFile, "CERTIFICATE", der); err != nil {
			return err
		}
		return writePEM(keyFile, "EC PRIVATE KEY", keyDER)
	}
	if err := writePEM(p.caCert, "CERTIFICATE", caDER); err != nil {
		return p, err
	}
	if err := leaf(2, pkix.Name{CommonName: "kube-apiserver"}, x509.ExtKeyUsageServerAuth,
		[]string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"},
		[]net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("10.96.0.1")}, p.serverCert, p.serverKey); err != nil {
		return p, err
	}
	if err := leaf(3, pkix.Name{CommonName: "kube-admin", Organization: []string{"system:masters"}}, x509.ExtKeyUsageClientAuth,
		nil, nil, p.adminCert, p.adminKey); err != nil {
		return p, err
	}
	saKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	saPub, _ := x509.MarshalPKIXPublicKey(&saKey.PublicKey)
	if err := writePEM(p.saKey, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(saKey)); err != nil {
		return p, err
	}
	return p, writePEM(p.saPub, "PUBLIC KEY", saPub)
}

func writePEM(file, kind string, der []byte) error {
	return os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600)
}

func writeKubeconfig(file, server string, p pkiFiles) error {
	return os.WriteFile(file, []byte(fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: test
  cluster: {server: %q, certificate-authority: %q}
users:
- name: admin
  user: {client-certificate: %q, client-key: %q}
contexts:
- name: test
  context: {cluster: test, user: admin}
current-context: test
`, server, p.caCert, p.adminCert, p.adminKey)), 0o600)
}

func waitReady(server string, p pkiFiles, timeout time.Duration, exited <-chan struct{}) error {
	cert, err := tls.LoadX509KeyPair(p.adminCert, p.adminKey)
	if err != nil {
		return err
	}
	caPEM, _ := os.ReadFile(p.caCert)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{Certificates: []tls.Certificate{cert}, RootCAs: pool},
	}}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	last := ""
	for {
		resp, err := client.Get(server + "/readyz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
			last = string(body)
		} else {
			last = err.Error()
		}
		select {
		case <-exited:
			return fmt.Errorf("exited")
		case <-ctx.Done():
			return fmt.Errorf("%s", last)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
