package fakegraph

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startRun posts a start through path and returns the Location header.
func startRun(t *testing.T, s *Server, path string) string {
	t.Helper()
	res := graphCall(t, s, http.MethodPost, path, "")
	if res.status != http.StatusAccepted || len(res.body) != 0 {
		t.Fatalf("start: %d %s", res.status, res.body)
	}
	return res.header.Get("Location")
}

func TestStartRunOperationProgress(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{OperationDelay: 10 * time.Second})

	location := startRun(t, s, runsPath+"/microsoft.graph.industryData.start")
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(s.GraphURL()) + `/external/industryData/operations/[0-9a-f-]{36}$`).MatchString(location) {
		t.Fatalf("Location %q", location)
	}
	var op map[string]any
	for _, step := range []struct {
		advance time.Duration
		status  string
	}{{0, "notStarted"}, {4 * time.Second, "notStarted"}, {2 * time.Second, "running"}, {3 * time.Second, "running"}, {time.Second, "succeeded"}} {
		clock.Advance(step.advance)
		op = graphCall(t, s, http.MethodGet, location, "").object(t)
		if op["status"] != step.status || op["@odata.type"] != "#microsoft.graph.longRunningOperation" {
			t.Fatalf("after %v more: %v", step.advance, op)
		}
	}
	created, _ := time.Parse(time.RFC3339Nano, op["createdDateTime"].(string))
	if last, _ := time.Parse(time.RFC3339Nano, op["lastActionDateTime"].(string)); last.Sub(created) != 10*time.Second {
		t.Errorf("lastActionDateTime %v, want createdDateTime + the delay", op["lastActionDateTime"])
	}

	res := graphCall(t, s, http.MethodGet, op["resourceLocation"].(string), "")
	run := res.object(t)
	wantName := "Run " + clock.Now().Add(-10*time.Second).UTC().Format("2006-01-02 15:04") + " UTC"
	if res.status != http.StatusOK || run["status"] != "running" || run["displayName"] != wantName || run["endDateTime"] != nil {
		t.Errorf("started run: %d %s (want displayName %q)", res.status, res.body, wantName)
	}

	// The docs' short form starts a run too; with no delay it succeeds at once.
	s2, _ := sampleServer(t, Options{})
	if op := graphCall(t, s2, http.MethodGet, startRun(t, s2, runsPath+"/start"), "").object(t); op["status"] != "succeeded" {
		t.Errorf("zero delay: %v", op)
	}
}

func TestStartLimit(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{})
	for range maxStartsPerWindow {
		startRun(t, s, runsPath+"/start")
		clock.Advance(time.Hour)
	}
	res := graphCall(t, s, http.MethodPost, runsPath+"/start", "")
	if code, msg := res.graphError(t); res.status != http.StatusConflict || code != "conflict" || !strings.Contains(msg, "at most 5 runs") {
		t.Fatalf("sixth start: %d %s %q", res.status, code, msg)
	}
	if n := len(s.Runs()); n != 4+maxStartsPerWindow {
		t.Errorf("%d runs after a refused start", n)
	}
	clock.Advance(7 * time.Hour) // the first start leaves the 12-hour window
	startRun(t, s, runsPath+"/start")
}

func TestStartRejectsParameters(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	res := graphCall(t, s, http.MethodPost, runsPath+"/start", `{"runNow":true}`)
	if _, msg := res.graphError(t); res.status != http.StatusBadRequest || !strings.Contains(msg, "'runNow'") {
		t.Errorf("%d %q", res.status, msg)
	}
	if res := graphCall(t, s, http.MethodPost, runsPath+"/start", `{}`); res.status != http.StatusAccepted {
		t.Errorf("empty object: %d", res.status)
	}
}

func TestOperations(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{})
	first := startRun(t, s, runsPath+"/start")
	clock.Advance(time.Minute)
	startRun(t, s, runsPath+"/start")

	list := graphCall(t, s, http.MethodGet, "/external/industryData/operations", "").object(t)
	ops := list["value"].([]any)
	if len(ops) != 2 || !strings.HasSuffix(first, "/"+ops[0].(map[string]any)["id"].(string)) {
		t.Errorf("operations %v (first %s)", ops, first)
	}
	if res := graphCall(t, s, http.MethodGet, "/external/industryData/operations/nope", ""); res.status != http.StatusNotFound {
		t.Errorf("unknown operation: %d", res.status)
	}
}
