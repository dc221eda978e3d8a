package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

func TestListenLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0", "nonsense"} {
		if l, err := listenLoopback(addr); err == nil {
			l.Close()
			t.Errorf("listenLoopback(%q) accepted", addr)
		}
	}
	l, err := listenLoopback("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}

func TestParseFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-patch-style", "sometimes"}, {"-tls=false", "-cert-file", "x.pem"}, {"extra"},
		{"-rate-429", "1.5"}, {"-rate-503", "-0.1"}, {"-rate-429", "0.6", "-drop-rate", "0.5"},
		{"-retry-after", "date+soon"}, {"-latency", "-1s"}, {"-page-size", "0"}, {"-run-duration", "-1s"},
		{"-start-limit", "503"}, {"-scheduled-run", "tomorrow"},
	} {
		if _, err := parseFlags(args, io.Discard); err == nil {
			t.Errorf("parseFlags(%q) accepted", args)
		}
	}
	cfg, err := parseFlags([]string{"-patch-style", "nocontent", "-inline-statistics", "-operation-delay", "2s"}, io.Discard)
	if err != nil || cfg.opts.PatchStyle != 1 || !cfg.opts.InlineStatistics || cfg.opts.OperationDelay != 2*time.Second {
		t.Errorf("parseFlags: %+v, %v", cfg.opts, err)
	}
	cfg, err = parseFlags(nil, io.Discard)
	if err != nil || cfg.opts.PageSize != 100 || cfg.opts.RunDuration != 0 {
		t.Errorf("defaults: page size %d (want 100), run duration %s (want 0), %v", cfg.opts.PageSize, cfg.opts.RunDuration, err)
	}
	cfg, err = parseFlags([]string{"-page-size", "7", "-run-duration", "2s"}, io.Discard)
	if err != nil || cfg.opts.PageSize != 7 || cfg.opts.RunDuration != 2*time.Second {
		t.Errorf("-page-size 7 -run-duration 2s: page size %d, run duration %s, %v", cfg.opts.PageSize, cfg.opts.RunDuration, err)
	}
	cfg, err = parseFlags(nil, io.Discard)
	if err != nil || cfg.opts.StartLimit != fakegraph.StartLimitConflict || cfg.opts.DeferRunCreation || cfg.opts.ScheduledRuns != nil {
		t.Errorf("start defaults: limit %v, defer %t, scheduled %v, %v", cfg.opts.StartLimit, cfg.opts.DeferRunCreation, cfg.opts.ScheduledRuns, err)
	}
	for flagValue, want := range map[string]fakegraph.StartLimitAnswer{
		"conflict": fakegraph.StartLimitConflict, "429": fakegraph.StartLimitTooManyRequests, "failed-operation": fakegraph.StartLimitFailedOperation,
	} {
		if cfg, err := parseFlags([]string{"-start-limit", flagValue}, io.Discard); err != nil || cfg.opts.StartLimit != want {
			t.Errorf("-start-limit %s: %v, %v", flagValue, cfg.opts.StartLimit, err)
		}
	}
	cfg, err = parseFlags([]string{"-defer-run-creation", "-scheduled-run", "2026-12-02T00:00:00Z", "-scheduled-run", "2026-12-02T12:00:00+01:00"}, io.Discard)
	wantScheduled := []time.Time{time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 2, 11, 0, 0, 0, time.UTC)}
	if err != nil || !cfg.opts.DeferRunCreation || len(cfg.opts.ScheduledRuns) != 2 ||
		!cfg.opts.ScheduledRuns[0].Equal(wantScheduled[0]) || !cfg.opts.ScheduledRuns[1].Equal(wantScheduled[1]) {
		t.Errorf("-defer-run-creation -scheduled-run ×2: defer %t, scheduled %v, %v", cfg.opts.DeferRunCreation, cfg.opts.ScheduledRuns, err)
	}
	cfg, err = parseFlags([]string{"-seed-faults", "7", "-rate-429", "0.3", "-rate-503", "0.1", "-rate-504", "0.05", "-drop-rate", "0.05",
		"-retry-after", "date+2", "-latency", "10ms", "-latency-jitter", "40ms", "-not-found-after-write", "3s"}, io.Discard)
	want := fakegraph.FaultPlan{Seed: 7, Rate429: 0.3, Rate503: 0.1, Rate504: 0.05, DropRate: 0.05, RetryAfter: "date+2",
		Latency: 10 * time.Millisecond, LatencyJitter: 40 * time.Millisecond, NotFoundAfterWrite: 3 * time.Second}
	if err != nil || cfg.opts.Faults != want {
		t.Errorf("fault flags: %+v, %v", cfg.opts.Faults, err)
	}
}

// TestRun starts the command's server, trusts it through -cert-file, reads
// -info-file, gets a token and lists runs; then stops it.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	cfg, err := parseFlags([]string{"-cert-file", filepath.Join(dir, "cert.pem"), "-info-file", filepath.Join(dir, "info.json"), "-client-secret", "s3cret"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var logBuf strings.Builder
	logger := log.New(&logBuf, "", 0) // log.Logger serialises writes
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, logger) }()

	infoData := waitForFile(t, cfg.infoFile)
	var inf info
	if err := json.Unmarshal(infoData, &inf); err != nil || inf.ClientSecret != "s3cret" || inf.GraphURL != inf.URL+"/beta" {
		t.Fatalf("info %s: %v", infoData, err)
	}
	pool := x509.NewCertPool()
	if certPEM, _ := os.ReadFile(cfg.certFile); !pool.AppendCertsFromPEM(certPEM) {
		t.Fatal("cert-file holds no certificate")
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}

	token := fetchToken(t, client, inf)
	req, _ := http.NewRequest(http.MethodGet, inf.GraphURL+"/external/industryData/runs", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := client.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("list runs: %v %v", res, err)
	}
	res.Body.Close()

	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cfg.infoFile); !errors.Is(err, os.ErrNotExist) {
		t.Error("info file left behind")
	}
	logged := logBuf.String()
	if !strings.Contains(logged, "GET /beta/external/industryData/runs 200") || strings.Contains(logged, "s3cret") || strings.Contains(logged, token) {
		t.Errorf("log:\n%s", logged)
	}
}

// fetchToken gets an access token from the running fake with the client
// credentials it published in its info file.
func fetchToken(t *testing.T, client *http.Client, inf info) string {
	t.Helper()
	res, err := client.PostForm(inf.URL+"/"+inf.TenantID+"/oauth2/v2.0/token", map[string][]string{
		"grant_type": {"client_credentials"}, "client_id": {inf.ClientID}, "client_secret": {inf.ClientSecret}, "scope": {"https://graph.microsoft.com/.default"}})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tok); err != nil || res.StatusCode != http.StatusOK || tok.AccessToken == "" {
		t.Fatalf("token: %d, %v", res.StatusCode, err)
	}
	return tok.AccessToken
}

func waitForFile(t *testing.T, path string) []byte {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if data, err := os.ReadFile(path); err == nil {
			return data
		}
	}
	t.Fatalf("%s did not appear", path)
	return nil
}

// TestStatsFile: on shutdown -stats-file holds the Graph requests by method
// and every request by path, ids replaced by {id}.
func TestStatsFile(t *testing.T) {
	dir := t.TempDir()
	cfg, err := parseFlags([]string{"-tls=false", "-seed", "sample", "-info-file", filepath.Join(dir, "info.json"),
		"-stats-file", filepath.Join(dir, "stats.json")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, log.New(io.Discard, "", 0)) }()
	var inf info
	if err := json.Unmarshal(waitForFile(t, cfg.infoFile), &inf); err != nil {
		t.Fatal(err)
	}
	token := fetchToken(t, http.DefaultClient, inf)
	runID := fakegraph.SampleRuns(time.Now())[0].ID
	for _, p := range []string{"/external/industryData/runs/" + runID, "/external/industryData/runs/" + runID + "/getStatistics"} {
		req, _ := http.NewRequest(http.MethodGet, inf.GraphURL+p, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %v %v", p, res, err)
		}
		res.Body.Close()
	}
	if _, err := os.Stat(cfg.statsFile); !errors.Is(err, os.ErrNotExist) {
		t.Error("stats file written before shutdown")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(cfg.statsFile)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Requests map[string]int
		Paths    map[string]int `json:"paths"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"POST /{id}/oauth2/v2.0/token":                            1,
		"GET /beta/external/industryData/runs/{id}":               1,
		"GET /beta/external/industryData/runs/{id}/getStatistics": 1,
	}
	if got.Requests["GET"] != 2 || len(got.Requests) != 1 || !reflect.DeepEqual(got.Paths, want) {
		t.Errorf("stats file:\n%s", data)
	}
}
