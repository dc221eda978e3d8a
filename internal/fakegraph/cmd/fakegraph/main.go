// Command fakegraph serves the fake Microsoft Graph industryData API and
// identity token endpoint on a loopback address, for demos and manual runs.
//
// Once it is ready it writes -info-file (JSON: url, graph_url, tenant_id,
// client_id, client_secret), atomically, so a script can wait for the file.
// It logs one line per request to stderr (method, path, status; never
// headers or bodies, which hold tokens and secrets) and exits cleanly on
// SIGINT or SIGTERM.
//
// Lists hold 100 items a page (-page-size), a realistic page for a demo.
// -run-duration makes a started run complete by itself after that long, so
// that a demo can wait for completion.
//
// The fault flags (-rate-429, -rate-503, -rate-504, -drop-rate, -retry-after,
// -latency, -latency-jitter, -not-found-after-write, -seed-faults) inject
// faults into Graph requests, as fakegraph.FaultPlan describes; on exit the
// command logs how many it injected.
//
// On SIGINT or SIGTERM, -stats-file receives JSON of the server's counters
// (fakegraph.FaultStats: Graph requests by method, faults injected) plus
// "paths": every request received, identity included, counted by
// "METHOD /path" with run and tenant ids replaced by {id}.
package main

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

type config struct {
	listen, certFile, infoFile, seed string
	statsFile                        string
	tls, inlineStatistics            bool
	patchStyle, startLimit           string
	opts                             fakegraph.Options
}

func main() {
	logger := log.New(os.Stderr, "fakegraph: ", log.LstdFlags)
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err == nil {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		err = run(ctx, cfg, logger)
	}
	if err != nil {
		logger.Print(err)
		os.Exit(1)
	}
}

func parseFlags(args []string, output io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("fakegraph", flag.ContinueOnError)
	fs.SetOutput(output)
	fs.StringVar(&cfg.listen, "listen", "127.0.0.1:0", "`address` to listen on; loopback only")
	fs.BoolVar(&cfg.tls, "tls", true, "serve HTTPS with a fresh self-signed certificate (azidentity refuses plain http)")
	fs.StringVar(&cfg.certFile, "cert-file", "", "write the server certificate (PEM) to this `file`, e.g. for SSL_CERT_FILE")
	fs.StringVar(&cfg.infoFile, "info-file", "", "once ready, write url, graph_url and credentials as JSON to this `file`")
	fs.StringVar(&cfg.statsFile, "stats-file", "", "on shutdown, write the request counters as JSON to this `file`")
	fs.StringVar(&cfg.seed, "seed", "sample", "seed runs: a JSON `file` {\"runs\":[…]}, \"sample\", or \"none\"")
	fs.StringVar(&cfg.opts.TenantID, "tenant-id", fakegraph.DefaultTenantID, "accepted tenant `id`")
	fs.StringVar(&cfg.opts.ClientID, "client-id", fakegraph.DefaultClientID, "accepted client `id`")
	fs.StringVar(&cfg.opts.ClientSecret, "client-secret", "", "accepted client `secret` (default random)")
	// A realistic page for a demo; the in-process test server keeps its small
	// default (fakegraph.Options.PageSize) so that every list test pages.
	fs.IntVar(&cfg.opts.PageSize, "page-size", 100, "items per page of every list (runs, source systems, connectors, ...)")
	fs.StringVar(&cfg.patchStyle, "patch-style", "body", "answer to a PATCH: body (200 with the run) or nocontent (204)")
	fs.BoolVar(&cfg.inlineStatistics, "inline-statistics", false, "include statistics in run bodies")
	fs.DurationVar(&cfg.opts.OperationDelay, "operation-delay", 0, "how long a start's operation takes to succeed")
	fs.DurationVar(&cfg.opts.RunDuration, "run-duration", 0, "how long a started run runs before it completes by itself; 0 keeps it running until a PATCH ends it")
	fs.StringVar(&cfg.startLimit, "start-limit", "conflict", "answer to a start beyond five per 12 hours: conflict (409), 429 (with Retry-After) or failed-operation (202, then a failed operation)")
	fs.BoolVar(&cfg.opts.DeferRunCreation, "defer-run-creation", false, "a started run exists only once its operation leaves notStarted (half of -operation-delay); until then resourceLocation is null")
	fs.Func("scheduled-run", "an RFC 3339 `time` at which the service starts a run by itself, with no start request or operation (repeatable)", func(v string) error {
		at, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return fmt.Errorf("want an RFC 3339 time: %w", err)
		}
		cfg.opts.ScheduledRuns = append(cfg.opts.ScheduledRuns, at)
		return nil
	})
	// The fault plan (fakegraph.FaultPlan): random faults on Graph requests.
	f := &cfg.opts.Faults
	fs.Int64Var(&f.Seed, "seed-faults", 0, "seed of the fault plan: under the same seed, the n-th request to a method and path meets the same fault")
	fs.Float64Var(&f.Rate429, "rate-429", 0, "share of Graph requests answered 429 Too Many Requests (0 to 1)")
	fs.Float64Var(&f.Rate503, "rate-503", 0, "share of Graph requests answered 503 Service Unavailable (0 to 1)")
	fs.Float64Var(&f.Rate504, "rate-504", 0, "share of Graph requests answered 504 Gateway Timeout (0 to 1)")
	fs.Float64Var(&f.DropRate, "drop-rate", 0, "share of Graph requests whose connection is dropped after the request was read; a dropped write is applied first (0 to 1)")
	fs.StringVar(&f.RetryAfter, "retry-after", "", "Retry-After sent with 429 and 503: `seconds`, \"date\" (an HTTP date 1 s ahead) or \"date+N\"; empty sends none")
	fs.BoolVar(&f.Apply504, "apply-504", false, "apply a write before answering it 504")
	fs.DurationVar(&f.Latency, "latency", 0, "latency added to every Graph request")
	fs.DurationVar(&f.LatencyJitter, "latency-jitter", 0, "random extra latency, uniform in [0, this)")
	fs.DurationVar(&f.NotFoundAfterWrite, "not-found-after-write", 0, "how long a started run answers 404 to GETs (read-after-write window)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	switch cfg.patchStyle {
	case "body":
		cfg.opts.PatchStyle = fakegraph.PatchReturnsBody
	case "nocontent":
		cfg.opts.PatchStyle = fakegraph.PatchNoContent
	default:
		return cfg, fmt.Errorf("-patch-style must be body or nocontent, not %q", cfg.patchStyle)
	}
	startLimits := map[string]fakegraph.StartLimitAnswer{
		"conflict": fakegraph.StartLimitConflict, "429": fakegraph.StartLimitTooManyRequests, "failed-operation": fakegraph.StartLimitFailedOperation,
	}
	answer, ok := startLimits[cfg.startLimit]
	if !ok {
		return cfg, fmt.Errorf("-start-limit must be conflict, 429 or failed-operation, not %q", cfg.startLimit)
	}
	cfg.opts.StartLimit = answer
	if cfg.opts.PageSize < 1 {
		return cfg, fmt.Errorf("-page-size must be at least 1, not %d", cfg.opts.PageSize)
	}
	if cfg.opts.RunDuration < 0 {
		return cfg, fmt.Errorf("-run-duration must not be negative, not %s", cfg.opts.RunDuration)
	}
	if cfg.certFile != "" && !cfg.tls {
		return cfg, errors.New("-cert-file needs -tls")
	}
	if err := cfg.opts.Faults.Validate(); err != nil {
		return cfg, err
	}
	cfg.opts.InlineStatistics = cfg.inlineStatistics
	return cfg, nil
}

func run(ctx context.Context, cfg config, logger *log.Logger) error {
	// A stale info file would tell a waiting script that a dead server is ready.
	if err := removeIfExists(cfg.infoFile); err != nil {
		return err
	}
	runs, err := loadSeed(cfg.seed)
	if err != nil {
		return err
	}
	l, err := listenLoopback(cfg.listen)
	if err != nil {
		return err
	}
	opts := cfg.opts
	opts.Runs = runs
	opts.Listener = l
	opts.OnRequest = func(r fakegraph.Request) {
		// When it arrived and how long it took, so that a reader of the log
		// (make bench) can tell which requests were in flight at once.
		timing := fmt.Sprintf("(received %d.%06d, %.3f ms)", r.Received.Unix(), r.Received.Nanosecond()/1000,
			float64(r.Answered.Sub(r.Received).Microseconds())/1000)
		switch r.Fault {
		case "":
			logger.Printf("%s %s %d %s", r.Method, r.Path, r.Status, timing)
		case fakegraph.FaultDrop:
			logger.Printf("%s %s dropped (fault) %s", r.Method, r.Path, timing)
		default:
			logger.Printf("%s %s %d (fault %s) %s", r.Method, r.Path, r.Status, r.Fault, timing)
		}
	}

	srv := fakegraph.NewUnstartedServer(opts)
	if cfg.tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	defer srv.Close()

	if cfg.certFile != "" {
		pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
		if err := writeFileAtomic(cfg.certFile, pemBytes, 0o644); err != nil {
			return err
		}
	}
	if cfg.infoFile != "" {
		if err := writeInfo(cfg.infoFile, srv); err != nil {
			return err
		}
		defer os.Remove(cfg.infoFile)
	}
	logger.Printf("serving %d runs; Graph base URL %s, authority host %s/", len(runs), srv.GraphURL(), srv.URL())

	<-ctx.Done()
	if cfg.opts.Faults != (fakegraph.FaultPlan{}) {
		logger.Printf("fault plan: %s", srv.FaultStats())
	}
	logger.Print("shutting down")
	if cfg.statsFile != "" {
		return writeStats(cfg.statsFile, srv)
	}
	return nil
}

// statsJSON is what -stats-file holds.
type statsJSON struct {
	fakegraph.FaultStats
	Paths map[string]int `json:"paths"`
}

var guid = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func writeStats(path string, srv *fakegraph.Server) error {
	st := statsJSON{FaultStats: srv.FaultStats(), Paths: map[string]int{}}
	for _, r := range srv.Requests() {
		segs := strings.Split(r.Path, "/")
		for i, seg := range segs {
			if guid.MatchString(seg) {
				segs[i] = "{id}"
			}
		}
		st.Paths[r.Method+" "+strings.Join(segs, "/")]++
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'), 0o644)
}

func loadSeed(seed string) ([]fakegraph.Run, error) {
	switch seed {
	case "sample":
		return fakegraph.SampleRuns(time.Now()), nil
	case "none", "":
		return nil, nil
	}
	f, err := os.Open(seed)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return fakegraph.LoadRuns(f)
}

// listenLoopback refuses any address that is not loopback: the fake
// accepts well-known credentials and must not be reachable from outside.
func listenLoopback(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("-listen %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("-listen %q: only loopback hosts (127.0.0.1, ::1, localhost) are allowed", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := fakegraph.CheckLoopback(l.Addr()); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

type info struct {
	URL          string `json:"url"`
	GraphURL     string `json:"graph_url"`
	TenantID     string `json:"tenant_id"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

func writeInfo(path string, srv *fakegraph.Server) error {
	data, err := json.MarshalIndent(info{
		URL: srv.URL(), GraphURL: srv.GraphURL(),
		TenantID: srv.TenantID(), ClientID: srv.ClientID(), ClientSecret: srv.ClientSecret(),
	}, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'), 0o600) // it holds the secret
}

// writeFileAtomic writes a temporary file beside path and renames it, so a
// reader never sees a partial file.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func removeIfExists(path string) error {
	if path == "" {
		return nil
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
