package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// fakeProcess is the standalone fake Graph (internal/fakegraph/cmd/fakegraph).
type fakeProcess struct {
	cmd                                 *exec.Cmd
	logPath, infoFile, certFile, statsF string
	info                                fakeInfo
	done                                chan error
	stopped                             bool
	stats                               fakeStats
}

// fakeInfo is the fake's -info-file.
type fakeInfo struct {
	URL          string `json:"url"`
	GraphURL     string `json:"graph_url"`
	TenantID     string `json:"tenant_id"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

// fakeStats is the fake's -stats-file: fakegraph.FaultStats and per-path counts.
type fakeStats struct {
	Requests map[string]int // Graph requests by method
	Delayed  int            // Graph requests given the latency
	Paths    map[string]int `json:"paths"`
}

// startFake starts the fake on loopback with a fixed latency and the seed,
// logging one line per request to dir/fakegraph.log; extra are more flags.
func startFake(bin, dir, seed string, latency time.Duration, extra ...string) (*fakeProcess, error) {
	f := &fakeProcess{
		logPath: filepath.Join(dir, "fakegraph.log"), infoFile: filepath.Join(dir, "info.json"),
		certFile: filepath.Join(dir, "cert.pem"), statsF: filepath.Join(dir, "stats.json"), done: make(chan error, 1),
	}
	logFile, err := os.Create(f.logPath)
	if err != nil {
		return nil, err
	}
	defer logFile.Close() // the child has its own descriptor
	args := []string{"-listen", "127.0.0.1:0", "-seed", seed, "-latency", latency.String(),
		"-info-file", f.infoFile, "-cert-file", f.certFile, "-stats-file", f.statsF}
	f.cmd = exec.Command(bin, append(args, extra...)...)
	f.cmd.Stdout, f.cmd.Stderr = logFile, logFile
	if err := f.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { f.done <- f.cmd.Wait() }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		data, err := os.ReadFile(f.infoFile)
		if err == nil && json.Unmarshal(data, &f.info) == nil && f.info.GraphURL != "" {
			return f, nil
		}
		select {
		case err := <-f.done:
			f.stopped = true
			log, _ := os.ReadFile(f.logPath)
			return nil, fmt.Errorf("the fake Graph exited before it was ready (%w):\n%s", err, log)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_, _ = f.stop()
			return nil, fmt.Errorf("the fake Graph was not ready within 30 s")
		}
	}
}

func (f *fakeProcess) pid() int { return f.cmd.Process.Pid }

// stop sends SIGTERM, waits, and reads the counters the fake wrote on exit.
// Calling it again returns the same counters.
func (f *fakeProcess) stop() (fakeStats, error) {
	if f.stopped {
		return f.stats, nil
	}
	f.stopped = true
	_ = f.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-f.done:
		if err != nil {
			return f.stats, fmt.Errorf("the fake Graph exited with %w; its log: %s", err, f.logPath)
		}
	case <-time.After(10 * time.Second):
		_ = f.cmd.Process.Kill()
		err := <-f.done
		return f.stats, fmt.Errorf("the fake Graph did not stop on SIGTERM; killed: %w", err)
	}
	data, err := os.ReadFile(f.statsF)
	if err != nil {
		return f.stats, fmt.Errorf("the fake's -stats-file: %w", err)
	}
	return f.stats, json.Unmarshal(data, &f.stats)
}

func (f *fakeProcess) logSize() (int64, error) {
	st, err := os.Stat(f.logPath)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// requestsSince counts the requests the fake logged after offset. The fake
// logs a request once it has answered it; the pause covers a line still
// being written when Terraform exits.
func (f *fakeProcess) requestsSince(offset int64) (requestCounts, error) {
	time.Sleep(100 * time.Millisecond)
	file, err := os.Open(f.logPath)
	if err != nil {
		return requestCounts{}, err
	}
	defer file.Close()
	if _, err := file.Seek(offset, io.SeekStart); err != nil {
		return requestCounts{}, err
	}
	data, err := io.ReadAll(file)
	if err != nil {
		return requestCounts{}, err
	}
	return parseRequestLog(string(data)), nil
}

// requestCounts are one phase's requests, from the fake's log.
type requestCounts struct {
	byMethod  map[string]int // Graph requests by method (what the fake's counters count)
	byKind    map[string]int // kindGet, kindStatistics, kindPatch, kindOther
	identity  int            // identity requests (OpenID discovery, token), not Graph
	errors    int            // Graph requests not answered 2xx
	errorLine string         // the first of them
	// statistics are the getStatistics requests' times in flight, from the
	// timing the fake logs with each request.
	statistics []interval
}

// interval is when a request was in flight.
type interval struct{ start, end time.Time }

// maxInFlight is the largest number of intervals that overlap at one instant.
func maxInFlight(in []interval) int {
	type edge struct {
		at    time.Time
		delta int
	}
	edges := make([]edge, 0, 2*len(in))
	for _, i := range in {
		edges = append(edges, edge{i.start, 1}, edge{i.end, -1})
	}
	// Ends before starts at the same instant: touching is not overlapping.
	sort.Slice(edges, func(a, b int) bool {
		if !edges[a].at.Equal(edges[b].at) {
			return edges[a].at.Before(edges[b].at)
		}
		return edges[a].delta < edges[b].delta
	})
	most, now := 0, 0
	for _, e := range edges {
		now += e.delta
		most = max(most, now)
	}
	return most
}

const (
	kindGet        = "GET run"
	kindStatistics = "GET getStatistics"
	kindPatch      = "PATCH run"
	kindList       = "GET runs (a page)"
	kindOther      = "other"
)

// A log line's timing: "(received 1767366245.123456, 25.104 ms)".
var logTiming = regexp.MustCompile(`\(received (\d+)\.(\d{6}), ([0-9.]+) ms\)$`)

func parseTiming(status string) (interval, bool) {
	m := logTiming.FindStringSubmatch(status)
	if m == nil {
		return interval{}, false
	}
	sec, _ := strconv.ParseInt(m[1], 10, 64)
	usec, _ := strconv.ParseInt(m[2], 10, 64)
	took, _ := strconv.ParseFloat(m[3], 64)
	start := time.Unix(sec, usec*1000)
	return interval{start, start.Add(time.Duration(took * float64(time.Millisecond)))}, true
}

// A log line: "fakegraph: 2025/01/02 15:04:05 GET /beta/external/industryData/runs/{id} 200".
var logLine = regexp.MustCompile(`^fakegraph: \S+ \S+ (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) (.*)$`)

func parseRequestLog(log string) requestCounts {
	c := requestCounts{byMethod: map[string]int{}, byKind: map[string]int{}}
	for _, line := range strings.Split(log, "\n") {
		m := logLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		method, path, status := m[1], m[2], m[3]
		if !strings.HasPrefix(path, "/beta/") {
			c.identity++
			continue
		}
		c.byMethod[method]++
		kind := requestKind(method, path)
		c.byKind[kind]++
		if in, ok := parseTiming(status); ok && kind == kindStatistics {
			c.statistics = append(c.statistics, in)
		}
		if !strings.HasPrefix(status, "2") {
			c.errors++
			if c.errorLine == "" {
				c.errorLine = line
			}
		}
	}
	return c
}

func requestKind(method, path string) string {
	if path == "/beta/external/industryData/runs" && method == "GET" {
		return kindList
	}
	rest, ok := strings.CutPrefix(path, "/beta/external/industryData/runs/")
	if !ok || rest == "" {
		return kindOther
	}
	id, sub, _ := strings.Cut(rest, "/")
	switch {
	case strings.Contains(id, "."):
		return kindOther // runs/getStatistics(), runs/start: collection functions
	case sub == "" && method == "GET":
		return kindGet
	case sub == "" && method == "PATCH":
		return kindPatch
	case method == "GET" && (sub == "microsoft.graph.industryData.getStatistics()" || sub == "getStatistics"):
		return kindStatistics
	}
	return kindOther
}

func (c requestCounts) total() int {
	n := 0
	for _, v := range c.byMethod {
		n += v
	}
	return n
}

func (c requestCounts) perResource(n int) float64 { return float64(c.total()) / float64(n) }

// methods renders the counts by method, e.g. "GET 2000, PATCH 1000".
func (c requestCounts) methods() string {
	keys := make([]string, 0, len(c.byMethod))
	for k := range c.byMethod {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, c.byMethod[k]))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func (c requestCounts) summary() string {
	return fmt.Sprintf("%s; getStatistics %d; identity %d", c.methods(), c.byKind[kindStatistics], c.identity)
}
