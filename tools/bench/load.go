package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loadResult is the fake's own throughput: `workers` clients, each sending
// GET /runs/{id} one after another over one HTTP/2 connection (as the
// provider does), for at most `requests` requests or `duration`.
type loadResult struct {
	workers, requests int
	elapsed           time.Duration
	p50, p99          time.Duration
	fakeCPU           time.Duration
	latency           time.Duration // the fake's configured latency
}

func (l loadResult) perSecond() float64 { return float64(l.requests) / l.elapsed.Seconds() }

// ideal is what a fake that only waits its latency would sustain.
func (l loadResult) ideal() float64 {
	if l.latency <= 0 {
		return 0
	}
	return float64(l.workers) / l.latency.Seconds()
}

func probeFake(f *fakeProcess, ids []string, workers, maxRequests int, maxDuration time.Duration) (loadResult, error) {
	res := loadResult{workers: workers}
	certPEM, err := os.ReadFile(f.certFile)
	if err != nil {
		return res, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(certPEM) {
		return res, fmt.Errorf("%s holds no certificate", f.certFile)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, ForceAttemptHTTP2: true,
	}}
	defer client.CloseIdleConnections()
	token, err := fetchToken(client, f.info)
	if err != nil {
		return res, err
	}

	var next atomic.Int64
	var failures atomic.Int64
	var firstErr atomic.Value
	lat := make([][]time.Duration, workers)
	deadline := time.Now().Add(maxDuration)
	cpuBefore := processCPU(f.pid())
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				i := next.Add(1) - 1
				if i >= int64(maxRequests) {
					return
				}
				req, _ := http.NewRequest(http.MethodGet, f.info.GraphURL+"/external/industryData/runs/"+ids[int(i)%len(ids)], nil)
				req.Header.Set("Authorization", "Bearer "+token)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("GET run: %s", resp.Status)
					}
				}
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.fakeCPU = processCPU(f.pid()) - cpuBefore
	if n := failures.Load(); n > 0 {
		return res, fmt.Errorf("throughput probe: %d requests failed, e.g. %v", n, firstErr.Load())
	}
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	if len(all) == 0 {
		return res, fmt.Errorf("throughput probe: no request completed")
	}
	slices.Sort(all)
	res.requests = len(all)
	res.p50, res.p99 = all[len(all)/2], all[len(all)*99/100]
	return res, nil
}

// fetchToken gets an access token from the fake's identity endpoint with the
// client secret, as the provider's credential does.
func fetchToken(client *http.Client, info fakeInfo) (string, error) {
	resp, err := client.PostForm(info.URL+"/"+info.TenantID+"/oauth2/v2.0/token", url.Values{
		"grant_type": {"client_credentials"}, "client_id": {info.ClientID}, "client_secret": {info.ClientSecret},
		"scope": {"https://graph.microsoft.com/.default"},
	})
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || strings.TrimSpace(tok.AccessToken) == "" {
		return "", fmt.Errorf("token request: %s, %w", resp.Status, err)
	}
	return tok.AccessToken, nil
}
