package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// Provider start-up to serving its schema, measured the way Terraform starts
// a provider, without Terraform's own work around it: exec the binary with
// go-plugin's handshake environment (magic cookie, protocol 6, and a client
// certificate, as Terraform's automatic mTLS sends), read the handshake line
// from its stdout, connect over the announced socket with mTLS, and call
// tfplugin6.Provider/GetProviderSchema — the first call Terraform makes. The
// time from exec to the schema response is one sample; the provider is then
// stopped through go-plugin's controller, as Terraform stops it.
//
// The schema is fetched with a pass-through gRPC codec: the bench needs its
// size, not its contents, and so needs no generated protobuf code.

// startupResult holds the samples, sorted.
type startupResult struct {
	handshake, schema []time.Duration
	schemaBytes       int
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func measureStartup(bin string, samples int) (startupResult, error) {
	var r startupResult
	cert, err := clientCertificate()
	if err != nil {
		return r, err
	}
	for i := -1; i < samples; i++ { // sample -1 warms the page cache and is dropped
		hs, total, n, err := startOnce(bin, cert)
		if err != nil {
			return r, err
		}
		if i >= 0 {
			r.handshake, r.schema, r.schemaBytes = append(r.handshake, hs), append(r.schema, total), n
		}
	}
	return r, nil
}

const magicCookie = "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

// rawCodec passes bytes through: requests and responses are *[]byte. Its
// name is "proto" so that the provider decodes the (empty) request as the
// protobuf message it is.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return *v.(*[]byte), nil }
func (rawCodec) Unmarshal(data []byte, v any) error {
	*v.(*[]byte) = append([]byte(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

func startOnce(bin string, client tls.Certificate) (handshake, schema time.Duration, size int, err error) {
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: client.Certificate[0]})
	cmd := exec.Command(bin)
	cmd.Env = append(cleanEnv(), magicCookie, "PLUGIN_PROTOCOL_VERSIONS=6", "PLUGIN_CLIENT_CERT="+string(certPEM))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, 0, err
	}
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, err
	}
	defer func() {
		_ = cmd.Process.Kill() // a no-op once it has exited
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		return 0, 0, 0, fmt.Errorf("reading the handshake line: %w (%q)", err, line)
	}
	handshake = time.Since(start)
	// core-version|protocol-version|network|address|protocol|server-cert
	f := strings.Split(strings.TrimSpace(line), "|")
	if len(f) < 6 || f[1] != "6" || f[4] != "grpc" {
		return 0, 0, 0, fmt.Errorf("unexpected handshake line %q", line)
	}
	der, err := base64.RawStdEncoding.DecodeString(f[5])
	if err != nil {
		return 0, 0, 0, fmt.Errorf("handshake certificate: %w", err)
	}
	serverCert, err := x509.ParseCertificate(der)
	if err != nil {
		return 0, 0, 0, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(serverCert)
	network, addr := f[2], f[3]
	conn, err := grpc.NewClient("passthrough:///provider",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		}),
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
			Certificates: []tls.Certificate{client}, RootCAs: pool, ServerName: "localhost", MinVersion: tls.VersionTLS12,
		})))
	if err != nil {
		return 0, 0, 0, err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, resp := []byte{}, []byte(nil)
	if err := conn.Invoke(ctx, "/tfplugin6.Provider/GetProviderSchema", &req, &resp, grpc.ForceCodec(rawCodec{})); err != nil {
		return 0, 0, 0, fmt.Errorf("GetProviderSchema: %w", err)
	}
	schema = time.Since(start)
	if !bytes.Contains(resp, []byte("industrydata_run")) {
		return 0, 0, 0, fmt.Errorf("GetProviderSchema answered %d bytes without industrydata_run", len(resp))
	}
	// Stop it as Terraform does: go-plugin's controller, then wait.
	_ = conn.Invoke(ctx, "/plugin.GRPCController/Shutdown", &req, new([]byte), grpc.ForceCodec(rawCodec{}))
	exited := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, stdout); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
	}
	return handshake, schema, len(resp), nil
}

// clientCertificate is a self-signed client certificate like the one
// go-plugin makes for automatic mTLS.
func clientCertificate() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment | x509.KeyUsageKeyAgreement | x509.KeyUsageCertSign,
		BasicConstraintsValid: true, IsCA: true,
		NotBefore: time.Now().Add(-time.Minute), NotAfter: time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// cleanEnv is the environment without Terraform, Azure or provider settings.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_") || strings.HasPrefix(name, "ARM_") || strings.HasPrefix(name, "INDUSTRYDATA_") ||
			strings.HasPrefix(name, "PLUGIN_") || name == "SSL_CERT_FILE" || name == "SSL_CERT_DIR" || name == "CHECKPOINT_DISABLE" {
			continue
		}
		env = append(env, kv)
	}
	return env
}
