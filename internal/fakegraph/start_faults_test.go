package fakegraph

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A scripted 503 or 504 with Apply processes the start and still answers
// the fault; without Apply the start is not processed.
func TestFaultApply(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		status   int
		apply    bool
		wantRuns int
	}{{503, true, 1}, {503, false, 0}, {504, true, 1}, {504, false, 0}} {
		s := newTestServer(t, Options{})
		s.InjectFault(Fault{Method: http.MethodPost, Path: runsPath + "/start", Status: tt.status, Apply: tt.apply})
		if res := graphCall(t, s, http.MethodPost, runsPath+"/start", ""); res.status != tt.status {
			t.Errorf("%d apply=%v: answered %d", tt.status, tt.apply, res.status)
		}
		if n := len(s.Runs()); n != tt.wantRuns {
			t.Errorf("%d apply=%v: %d runs, want %d", tt.status, tt.apply, n, tt.wantRuns)
		}
	}
}

// Each form of the limit refuses the sixth start without making a run.
func TestStartLimitAnswers(t *testing.T) {
	t.Parallel()
	t.Run("409", func(t *testing.T) {
		s, _ := sampleServer(t, Options{})
		s.ReachStartLimit()
		res := graphCall(t, s, http.MethodPost, runsPath+"/start", "")
		if code, _ := res.graphError(t); res.status != http.StatusConflict || code != codeConflict {
			t.Errorf("%d %s", res.status, code)
		}
	})
	t.Run("429 until the window frees a start", func(t *testing.T) {
		s, clock := sampleServer(t, Options{StartLimit: StartLimitTooManyRequests})
		s.ReachStartLimit()
		clock.Advance(time.Hour)
		res := graphCall(t, s, http.MethodPost, runsPath+"/start", "")
		if code, msg := res.graphError(t); res.status != http.StatusTooManyRequests || code != codeTooManyRequests || !strings.Contains(msg, "at most 5 runs") {
			t.Errorf("%d %s %q", res.status, code, msg)
		}
		if got, want := res.header.Get("Retry-After"), strconv.Itoa(11*3600); got != want {
			t.Errorf("Retry-After %q, want %q", got, want)
		}
	})
	t.Run("failed operation", func(t *testing.T) {
		s, clock := sampleServer(t, Options{StartLimit: StartLimitFailedOperation, OperationDelay: 2 * time.Second})
		s.ReachStartLimit()
		before := len(s.Runs())
		location := startRun(t, s, runsPath+"/start")
		if op := graphCall(t, s, http.MethodGet, location, "").object(t); op["status"] != "notStarted" || op["resourceLocation"] != nil {
			t.Errorf("at first: %v", op)
		}
		clock.Advance(2 * time.Second)
		op := graphCall(t, s, http.MethodGet, location, "").object(t)
		var detail struct {
			Error struct{ Code, Message string }
		}
		_ = json.Unmarshal([]byte(op["statusDetail"].(string)), &detail)
		if op["status"] != "failed" || op["resourceLocation"] != nil || detail.Error.Code != codeConflict || !strings.Contains(detail.Error.Message, "at most 5 runs") {
			t.Errorf("at the end: %v", op)
		}
		if n := len(s.Runs()); n != before {
			t.Errorf("%d runs, want %d", n, before)
		}
	})
}

// With DeferRunCreation the run exists only once the operation runs; until
// then resourceLocation is null.
func TestDeferRunCreation(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{DeferRunCreation: true, OperationDelay: 10 * time.Second})
	before := len(s.Runs())
	location := startRun(t, s, runsPath+"/start")
	clock.Advance(4 * time.Second)
	op := graphCall(t, s, http.MethodGet, location, "").object(t)
	if op["status"] != "notStarted" || op["resourceLocation"] != nil || len(s.Runs()) != before {
		t.Fatalf("notStarted: %v, %d runs", op, len(s.Runs()))
	}
	clock.Advance(time.Second)
	op = graphCall(t, s, http.MethodGet, location, "").object(t)
	loc, _ := op["resourceLocation"].(string)
	res := graphCall(t, s, http.MethodGet, loc, "")
	run := res.object(t)
	started, _ := time.Parse(time.RFC3339Nano, run["startDateTime"].(string))
	if op["status"] != "running" || res.status != http.StatusOK || !started.Equal(clock.Now()) {
		t.Errorf("running: %v; run %d %v", op, res.status, run)
	}
}

// The service's own runs start at their time, without an operation.
func TestScheduledRuns(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	s := newTestServer(t, Options{Now: clock.Now, ScheduledRuns: []time.Time{clock.Now().Add(time.Minute)}})
	graphCall(t, s, http.MethodGet, runsPath, "")
	if n := len(s.Runs()); n != 0 {
		t.Fatalf("%d runs before the schedule", n)
	}
	clock.Advance(time.Minute)
	graphCall(t, s, http.MethodGet, runsPath, "")
	ops := graphCall(t, s, http.MethodGet, "/external/industryData/operations", "").object(t)["value"].([]any)
	if runs := s.Runs(); len(runs) != 1 || !runs[0].StartDateTime.Equal(clock.Now()) || len(ops) != 0 {
		t.Errorf("runs %v, operations %v", runs, ops)
	}
}

// A lagging replica: the first read of a started run finds it, the next
// LateNotFoundReads do not, then it is found again.
func TestLateNotFoundReads(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{Faults: FaultPlan{LateNotFoundReads: 2}})
	op := graphCall(t, s, http.MethodGet, startRun(t, s, runsPath+"/start"), "").object(t)
	var got []int
	for range 4 {
		got = append(got, graphCall(t, s, http.MethodGet, op["resourceLocation"].(string), "").status)
	}
	if want := []int{200, 404, 404, 200}; !slices.Equal(got, want) {
		t.Errorf("reads answered %v, want %v", got, want)
	}
	if n := s.FaultStats().NotFoundAfterWrite; n != 2 {
		t.Errorf("counted %d late 404s", n)
	}
}
