package fakegraph

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// startPath is the start action, in the SDK's form.
const startPath = runsPath + "/microsoft.graph.industryData.start"

// try sends an authenticated request and returns the response, or the
// transport error when the connection was dropped.
func try(t *testing.T, s *Server, method, path, body string) (response, error) {
	t.Helper()
	return tryWith(t, s, s.Client(), method, path, body)
}

func tryWith(t *testing.T, s *Server, client *http.Client, method, path, body string) (response, error) {
	t.Helper()
	req := newGraphRequest(t, s, method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b, proto: res.ProtoMajor}, err
}

func TestFaultPlan_statusFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		plan       FaultPlan
		wantStatus int
		wantCode   string
		retryAfter func(t *testing.T, v string, now time.Time)
		stats      func(FaultStats) int
	}{
		{
			name: "429 with Retry-After seconds", plan: FaultPlan{Rate429: 1, RetryAfter: "2"},
			wantStatus: 429, wantCode: "TooManyRequests",
			retryAfter: func(t *testing.T, v string, _ time.Time) {
				if v != "2" {
					t.Errorf("Retry-After %q", v)
				}
			},
			stats: func(f FaultStats) int { return f.TooManyRequests },
		},
		{
			name: "429 with Retry-After as an HTTP date", plan: FaultPlan{Rate429: 1, RetryAfter: "date+5"},
			wantStatus: 429, wantCode: "TooManyRequests",
			retryAfter: func(t *testing.T, v string, now time.Time) {
				at, err := http.ParseTime(v)
				if err != nil || at.Sub(now) < 5*time.Second || at.Sub(now) >= 6*time.Second {
					t.Errorf("Retry-After %q (%v) is not 5 s after %v", v, err, now)
				}
			},
			stats: func(f FaultStats) int { return f.TooManyRequests },
		},
		{
			name: "503 without Retry-After", plan: FaultPlan{Rate503: 1},
			wantStatus: 503, wantCode: "serviceNotAvailable",
			retryAfter: func(t *testing.T, v string, _ time.Time) {
				if v != "" {
					t.Errorf("Retry-After %q", v)
				}
			},
			stats: func(f FaultStats) int { return f.ServiceUnavailable },
		},
		{
			name: "504", plan: FaultPlan{Rate504: 1, RetryAfter: "1"},
			wantStatus: 504, wantCode: "gatewayTimeout",
			retryAfter: func(t *testing.T, v string, _ time.Time) {
				if v != "" {
					t.Errorf("a 504 carries no Retry-After, got %q", v)
				}
			},
			stats: func(f FaultStats) int { return f.GatewayTimeout },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, clock := sampleServer(t, Options{Faults: tt.plan})
			res := graphCall(t, s, http.MethodGet, runsPath, "")
			code, _ := res.graphError(t)
			if res.status != tt.wantStatus || code != tt.wantCode {
				t.Errorf("got %d %s, want %d %s", res.status, code, tt.wantStatus, tt.wantCode)
			}
			tt.retryAfter(t, res.header.Get("Retry-After"), clock.Now())
			st := s.FaultStats()
			if tt.stats(st) != 1 || st.Injected() != 1 || st.Requests[http.MethodGet] != 1 {
				t.Errorf("stats %s", st)
			}
			if log := s.GraphRequests(); len(log) != 1 || log[0].Status != tt.wantStatus || log[0].Fault != fmt.Sprint(tt.wantStatus) {
				t.Errorf("request log %+v", log)
			}
		})
	}
}

// TestFaultPlan_refusedWritesAreNotApplied: a 429 or 503 means the service
// refused the request; a 504 too, unless Apply504.
func TestFaultPlan_refusedWritesAreNotApplied(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		plan    FaultPlan
		status  int
		applied bool
	}{
		{FaultPlan{Rate429: 1}, 429, false},
		{FaultPlan{Rate503: 1}, 503, false},
		{FaultPlan{Rate504: 1}, 504, false},
		{FaultPlan{Rate504: 1, Apply504: true}, 504, true},
	} {
		t.Run(fmt.Sprintf("%d applied=%v", tt.status, tt.applied), func(t *testing.T) {
			t.Parallel()
			s, _ := sampleServer(t, Options{Faults: tt.plan})
			res := graphCall(t, s, http.MethodPatch, runsPath+"/"+sampleRunning, `{"displayName":"changed"}`)
			if res.status != tt.status {
				t.Fatalf("status %d", res.status)
			}
			run, _ := s.Run(sampleRunning)
			if (run.DisplayName == "changed") != tt.applied {
				t.Errorf("displayName %q, applied want %v", run.DisplayName, tt.applied)
			}
			if st := s.FaultStats(); (st.AppliedTimeouts == 1) != tt.applied {
				t.Errorf("stats %s", st)
			}
		})
	}
}

// TestFaultPlan_droppedConnections: the client gets no answer; a dropped
// write was applied, a dropped read changed nothing. Over HTTP/1.1 and HTTP/2.
func TestFaultPlan_droppedConnections(t *testing.T) {
	t.Parallel()
	for _, tlsOn := range []bool{false, true} {
		t.Run(map[bool]string{false: "HTTP/1.1", true: "HTTP/2"}[tlsOn], func(t *testing.T) {
			t.Parallel()
			clock := newTestClock()
			opts := Options{Now: clock.Now, Runs: SampleRuns(clock.Now())}
			var s *Server
			if tlsOn {
				s = NewTLSServer(opts)
			} else {
				s = NewServer(opts)
			}
			t.Cleanup(s.Close)
			probe, err := try(t, s, http.MethodGet, runsPath+"/"+sampleCompleted, "")
			if err != nil || probe.status != http.StatusOK || (probe.proto == 2) != tlsOn {
				t.Fatalf("probe: HTTP/%d %d %v", probe.proto, probe.status, err)
			}
			if err := s.SetFaultPlan(FaultPlan{DropRate: 1}); err != nil {
				t.Fatal(err)
			}
			runsBefore := len(s.Runs())

			if _, err := try(t, s, http.MethodGet, runsPath+"/"+sampleRunning, ""); err == nil {
				t.Error("dropped GET got an answer")
			}
			if _, err := try(t, s, http.MethodPatch, runsPath+"/"+sampleRunning, `{"status":"completed","endDateTime":"2023-11-01T12:00:00Z"}`); err == nil {
				t.Error("dropped PATCH got an answer")
			}
			if _, err := try(t, s, http.MethodPost, startPath, ""); err == nil {
				t.Error("dropped start got an answer")
			}

			if run, _ := s.Run(sampleRunning); run.Status != "completed" {
				t.Errorf("the dropped PATCH was not applied: %+v", run)
			}
			if got := len(s.Runs()); got != runsBefore+1 {
				t.Errorf("the dropped start was not applied: %d runs, want %d", got, runsBefore+1)
			}
			st := s.FaultStats()
			// Go's HTTP/1.1 transport may resend a GET whose reused connection
			// was closed before any answer; it never resends the writes.
			if st.Dropped != st.Requests[http.MethodGet]-1+2 || st.DroppedWrites != 2 || st.Requests[http.MethodGet] < 2 ||
				st.Requests[http.MethodPatch] != 1 || st.Requests[http.MethodPost] != 1 {
				t.Errorf("stats %s", st)
			}
			for _, r := range s.GraphRequests()[1:] {
				if r.Fault != FaultDrop || r.Status != 0 {
					t.Errorf("logged %s %s as %d %q", r.Method, r.Path, r.Status, r.Fault)
				}
			}
		})
	}
}

// TestFaultPlan_deterministicUnderSeed: the same seed and the same requests
// meet the same faults and latencies; another seed meets others.
func TestFaultPlan_deterministicUnderSeed(t *testing.T) {
	t.Parallel()
	plan := FaultPlan{Rate429: 0.3, Rate503: 0.1, Rate504: 0.1, DropRate: 0.1, LatencyJitter: time.Microsecond}
	sequence := func(seed int64) (string, time.Duration) {
		p := plan
		p.Seed = seed
		s, _ := sampleServer(t, Options{Faults: p})
		// A new connection per request: Go's transport resends a GET whose
		// reused connection was dropped, and whether it reused one is a race.
		transport := s.Client().Transport.(*http.Transport).Clone()
		transport.DisableKeepAlives = true
		client := &http.Client{Transport: transport}
		var b strings.Builder
		for range 60 {
			res, err := tryWith(t, s, client, http.MethodGet, runsPath+"/"+sampleCompleted, "")
			switch {
			case err != nil:
				b.WriteString("x")
			default:
				fmt.Fprintf(&b, "%d ", res.status)
			}
		}
		return b.String(), s.FaultStats().Latency
	}
	a1, l1 := sequence(42)
	a2, l2 := sequence(42)
	b1, _ := sequence(43)
	if a1 != a2 || l1 != l2 {
		t.Errorf("same seed, different faults:\n%s (%v)\n%s (%v)", a1, l1, a2, l2)
	}
	if a1 == b1 {
		t.Errorf("seeds 42 and 43 gave the same faults: %s", a1)
	}
	for _, want := range []string{"200", "429", "503", "504", "x"} {
		if !strings.Contains(a1, want) {
			t.Errorf("60 requests at these rates never met %s: %s", want, a1)
		}
	}
}

// TestFaultPlan_interleavingDoesNotMatter: the n-th request to a path
// meets the same fault whatever requests to other paths came between, so
// concurrent clients meet reproducible faults.
func TestFaultPlan_interleavingDoesNotMatter(t *testing.T) {
	t.Parallel()
	plan := FaultPlan{Seed: 9, Rate429: 0.3, Rate503: 0.2, Rate504: 0.2}
	paths := []string{runsPath + "/" + sampleCompleted, runsPath + "/" + sampleFailed}
	faults := func(order []int) map[string]string {
		s, _ := sampleServer(t, Options{Faults: plan})
		got := map[string]string{}
		for _, i := range order {
			got[paths[i]] += fmt.Sprintf("%d ", graphCall(t, s, http.MethodGet, paths[i], "").status)
		}
		return got
	}
	a := faults([]int{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1})
	b := faults([]int{1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the order of requests to other paths changed the faults:\n%v\n%v", a, b)
	}
	if a[paths[0]] == a[paths[1]] {
		t.Errorf("two paths met the same faults: %v", a)
	}
}

// TestFaultPlan_rates: over many requests the shares are near the rates.
func TestFaultPlan_rates(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{Faults: FaultPlan{Seed: 1, Rate429: 0.3, Rate503: 0.1}})
	for range 1000 {
		graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted, "")
	}
	st := s.FaultStats()
	if st.TooManyRequests < 250 || st.TooManyRequests > 350 || st.ServiceUnavailable < 60 || st.ServiceUnavailable > 140 || st.Requests[http.MethodGet] != 1000 {
		t.Errorf("stats %s", st)
	}
}

// TestFaultPlan_latencyHoldsNoLock: while a request waits out its latency,
// the server's state stays readable and other requests are answered.
func TestFaultPlan_latencyHoldsNoLock(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	// Long enough never to end by itself; the client cancels it.
	if err := s.SetFaultPlan(FaultPlan{Latency: time.Hour}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		req := newGraphRequest(t, s, http.MethodGet, runsPath, nil)
		res, err := s.Client().Do(req.WithContext(ctx))
		if err == nil {
			res.Body.Close()
			t.Error("the delayed request was answered before it was cancelled")
		}
	}()
	for s.FaultStats().Delayed == 0 {
		time.Sleep(time.Millisecond)
	}
	// The delayed request is in flight; the state lock must be free.
	_ = s.Runs()
	if log := s.GraphRequests(); len(log) != 1 || log[0].Status != 0 {
		t.Errorf("log %+v", log)
	}
	// Another request (no latency under a new plan) is answered meanwhile.
	if err := s.SetFaultPlan(FaultPlan{}); err != nil {
		t.Fatal(err)
	}
	if res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted, ""); res.status != http.StatusOK {
		t.Errorf("concurrent request: %d", res.status)
	}
	cancel()
	wg.Wait()
	if st := s.FaultStats(); st.Delayed != 1 || st.Latency != time.Hour {
		t.Errorf("stats %s", st)
	}
}

// TestFaultPlan_notFoundAfterWrite: a started run answers 404 to GETs for
// the window, then is found; lists and writes are not affected.
func TestFaultPlan_notFoundAfterWrite(t *testing.T) {
	t.Parallel()
	// One page holds every run, so that one GET shows whether the list has it.
	s, clock := sampleServer(t, Options{PageSize: 100, Faults: FaultPlan{NotFoundAfterWrite: 10 * time.Second}})
	res := graphCall(t, s, http.MethodPost, startPath, "")
	if res.status != http.StatusAccepted {
		t.Fatalf("start: %d %s", res.status, res.body)
	}
	var id string
	for _, r := range s.Runs() {
		if r.Status == statusRunning && r.ID != sampleRunning {
			id = r.ID
		}
	}
	put := Run{ID: "b0000000-0000-4000-8000-000000000001", DisplayName: "put", StartDateTime: clock.Now(), Status: statusRunning}
	s.PutNewRun(put)

	for _, runID := range []string{id, put.ID} {
		for _, path := range []string{"", "/microsoft.graph.industryData.getStatistics()", "/activities"} {
			res := graphCall(t, s, http.MethodGet, runsPath+"/"+runID+path, "")
			if code, _ := res.graphError(t); res.status != http.StatusNotFound || code != "itemNotFound" {
				t.Errorf("GET %s%s inside the window: %d %s", runID, path, res.status, code)
			}
		}
	}
	if res := graphCall(t, s, http.MethodGet, runsPath, ""); !strings.Contains(string(res.body), id) {
		t.Error("the list does not show the new run")
	}
	if res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted, ""); res.status != http.StatusOK {
		t.Errorf("an old run: %d", res.status)
	}
	if res := graphCall(t, s, http.MethodPatch, runsPath+"/"+id, `{"displayName":"renamed"}`); res.status != http.StatusOK {
		t.Errorf("PATCH inside the window: %d %s", res.status, res.body)
	}
	if st := s.FaultStats(); st.NotFoundAfterWrite != 6 {
		t.Errorf("stats %s", st)
	}

	clock.Advance(10 * time.Second)
	for _, runID := range []string{id, put.ID} {
		if res := graphCall(t, s, http.MethodGet, runsPath+"/"+runID, ""); res.status != http.StatusOK {
			t.Errorf("GET %s after the window: %d", runID, res.status)
		}
	}
	// PutRun (not PutNewRun) opens no window.
	s.PutRun(Run{ID: "b0000000-0000-4000-8000-000000000002", StartDateTime: clock.Now(), Status: statusRunning})
	if res := graphCall(t, s, http.MethodGet, runsPath+"/b0000000-0000-4000-8000-000000000002", ""); res.status != http.StatusOK {
		t.Errorf("PutRun: %d", res.status)
	}
}

func TestFaultPlan_scriptedFaultsComeFirst(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{Faults: FaultPlan{Rate503: 1}})
	s.InjectFault(Fault{Status: http.StatusTooManyRequests, RetryAfter: "1"})
	if res := graphCall(t, s, http.MethodGet, runsPath, ""); res.status != http.StatusTooManyRequests {
		t.Errorf("first: %d", res.status)
	}
	if res := graphCall(t, s, http.MethodGet, runsPath, ""); res.status != http.StatusServiceUnavailable {
		t.Errorf("second: %d", res.status)
	}
	if st := s.FaultStats(); st.Scripted != 1 || st.ServiceUnavailable != 1 || st.Injected() != 2 {
		t.Errorf("stats %s", st)
	}
}

// TestFaultPlan_identityIsNeverFaulted: token requests pass untouched.
func TestFaultPlan_identityIsNeverFaulted(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{Faults: FaultPlan{DropRate: 1}})
	res := tokenCall(t, s, map[string][]string{
		"grant_type": {"client_credentials"}, "client_id": {s.ClientID()}, "client_secret": {s.ClientSecret()},
		"scope": {"https://graph.microsoft.com/.default"},
	})
	if res.status != http.StatusOK {
		t.Errorf("token: %d %s", res.status, res.body)
	}
	if st := s.FaultStats(); st.Injected() != 0 || len(st.Requests) != 0 {
		t.Errorf("stats %s", st)
	}
}

func TestFaultPlan_validate(t *testing.T) {
	t.Parallel()
	for _, p := range []FaultPlan{
		{Rate429: -0.1}, {Rate503: 1.1}, {Rate429: 0.5, Rate503: 0.3, DropRate: 0.3},
		{Latency: -time.Second}, {RetryAfter: "date-3"}, {RetryAfter: "datex"},
	} {
		if err := p.Validate(); err == nil {
			t.Errorf("%+v accepted", p)
		}
	}
	s, _ := sampleServer(t, Options{})
	if err := s.SetFaultPlan(FaultPlan{Rate429: 2}); err == nil {
		t.Error("SetFaultPlan accepted an invalid plan")
	}
	if err := (FaultPlan{Rate429: 0.5, Rate503: 0.25, Rate504: 0.125, DropRate: 0.125, RetryAfter: "date"}).Validate(); err != nil {
		t.Errorf("valid plan refused: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("NewServer accepted an invalid plan")
		}
	}()
	NewServer(Options{Faults: FaultPlan{DropRate: 7}}).Close()
}

// A scripted drop applies the start, then drops the connection: the run
// exists though the client got no answer.
func TestScriptedDropAppliesTheWrite(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	before := len(s.Runs())
	s.InjectFault(Fault{Method: http.MethodPost, Drop: true})
	req := newGraphRequest(t, s, http.MethodPost, runsPath+"/start", nil)
	if resp, err := s.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("got an answer (%d), want a dropped connection", resp.StatusCode)
	}
	if n := len(s.Runs()); n != before+1 {
		t.Errorf("the fake holds %d runs after a dropped start, want %d (applied)", n, before+1)
	}
}
