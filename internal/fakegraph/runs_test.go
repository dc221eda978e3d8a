package fakegraph

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// manyRuns makes n running runs; runs 0 and 1 share a start time, so the
// id decides their order.
func manyRuns(n int, start time.Time) []Run {
	runs := make([]Run, n)
	for i := range runs {
		at := start.Add(time.Duration(max(i, 1)) * time.Minute)
		runs[i] = Run{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", n-i), DisplayName: fmt.Sprint("run ", i), StartDateTime: at, Status: statusRunning}
	}
	return runs
}

// listIDs follows nextLink from path and returns the ids of each page.
func listIDs(t *testing.T, s *Server, path string) [][]string {
	t.Helper()
	var pages [][]string
	for next := path; next != ""; {
		res := graphCall(t, s, http.MethodGet, next, "")
		if res.status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", next, res.status, res.body)
		}
		body := res.object(t)
		var ids []string
		for _, v := range body["value"].([]any) {
			ids = append(ids, v.(map[string]any)["id"].(string))
		}
		pages = append(pages, ids)
		next, _ = body["@odata.nextLink"].(string)
		if next != "" && !strings.HasPrefix(next, s.GraphURL()+runsPath+"?") {
			t.Fatalf("nextLink %q is not an absolute link on the server", next)
		}
		if len(pages) > 10 {
			t.Fatal("nextLink loop")
		}
	}
	return pages
}

func TestListRunsPagesWithTop(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	seed := manyRuns(7, clock.Now())
	s := newTestServer(t, Options{Runs: seed, Now: clock.Now})

	pages := listIDs(t, s, runsPath+"?$top=3")

	if got := []int{len(pages[0]), len(pages[len(pages)-1]), len(pages)}; !slices.Equal(got, []int{3, 1, 3}) {
		t.Fatalf("page sizes %v, want 3 pages of 3,3,1", pages)
	}
	newestFirst := s.Runs()
	slices.SortStableFunc(newestFirst, func(a, b Run) int {
		if c := b.StartDateTime.Compare(a.StartDateTime); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	var want []string
	for _, r := range newestFirst {
		want = append(want, r.ID)
	}
	if got := slices.Concat(pages...); !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v (newest first, then id)", got, want)
	}
	if want[len(want)-2] != seed[1].ID { // same start as seed[0], smaller id
		t.Errorf("tie not broken by id: %v", want)
	}
}

func TestListRunsPageSize(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	s := newTestServer(t, Options{Runs: manyRuns(5, clock.Now()), PageSize: 2})
	for _, path := range []string{runsPath, runsPath + "?$top=4"} {
		pages := listIDs(t, s, path)
		if len(pages) != 3 || len(pages[0]) != 2 {
			t.Errorf("%s: pages %v, want 2,2,1", path, pages)
		}
	}
}

func TestListRunsSkipTokenSurvivesChanges(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	s := newTestServer(t, Options{Runs: manyRuns(4, clock.Now())})
	first := graphCall(t, s, http.MethodGet, runsPath+"?$top=2", "").object(t)
	// A newer run appears and a served one disappears between pages.
	s.PutRun(Run{ID: "ffffffff-0000-4000-8000-000000000000", StartDateTime: clock.Now().Add(time.Hour), Status: statusCompleted})
	s.DeleteRun(first["value"].([]any)[0].(map[string]any)["id"].(string))

	rest := listIDs(t, s, first["@odata.nextLink"].(string))
	oldestFirst := s.Runs() // the two oldest share a start time: listed by id
	if got, want := slices.Concat(rest...), []string{oldestFirst[0].ID, oldestFirst[1].ID}; !slices.Equal(got, want) {
		t.Errorf("after changes got %v, want the two runs after page one %v", got, want)
	}
}

func TestGetRun(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})

	res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleRunning, "")
	run := res.object(t)
	if res.status != http.StatusOK || run["@odata.type"] != "#microsoft.graph.industryData.industryDataRun" ||
		run["id"] != sampleRunning || run["status"] != "running" {
		t.Fatalf("running run: %d %s", res.status, res.body)
	}
	if v, ok := run["endDateTime"]; !ok || v != nil {
		t.Errorf("endDateTime of a running run = %v (present %v), want null", v, ok)
	}
	if _, ok := run["statistics"]; ok {
		t.Error("statistics inlined by default")
	}
	if _, ok := run["activities"]; ok {
		t.Error("activities present without $expand")
	}
	if start := run["startDateTime"].(string); !timePattern.MatchString(start) {
		t.Errorf("startDateTime %q is not UTC with 6 fractional digits", start)
	}

	failed := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleFailed+"?$expand=activities", "").object(t)
	be, _ := failed["blockingError"].(map[string]any)
	if be["code"] != "activityFailed" || be["message"] == "" || !timePattern.MatchString(failed["endDateTime"].(string)) {
		t.Errorf("failed run: %v", failed)
	}
	if acts, _ := failed["activities"].([]any); len(acts) != 3 || acts[0].(map[string]any)["blockingError"] == nil {
		t.Errorf("expanded activities: %v", failed["activities"])
	}

	selected := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleFailed+"?$select=id,status", "").object(t)
	delete(selected, "@odata.context")
	delete(selected, "@odata.type")
	if len(selected) != 2 || selected["status"] != "failed" {
		t.Errorf("$select=id,status gave %v", selected)
	}
	if res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleFailed+"?$select=bogus", ""); res.status != http.StatusBadRequest {
		t.Errorf("$select of an unknown property: %d", res.status)
	}
	if res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleFailed+"?$expand=statistics", ""); res.status != http.StatusBadRequest {
		t.Errorf("$expand of a non-navigation property: %d", res.status)
	}
}

var timePattern = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$`)

func TestInlineStatistics(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{InlineStatistics: true})
	run := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleRunning, "").object(t)
	stats, ok := run["statistics"].(map[string]any)
	if !ok || stats["runId"] != sampleRunning || stats["status"] != "running" {
		t.Errorf("inline statistics of a run without any: %v", run["statistics"])
	}
}

func TestRunStatistics(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	for _, fn := range []string{"microsoft.graph.industryData.getStatistics()", "getStatistics"} {
		t.Run(fn, func(t *testing.T) {
			res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted+"/"+fn, "")
			st := res.object(t)
			if res.status != http.StatusOK || st["@odata.type"] != "#microsoft.graph.industryData.industryDataRunStatistics" ||
				st["runId"] != sampleCompleted || st["status"] != "completed" {
				t.Fatalf("%d %s", res.status, res.body)
			}
			acts := st["activityStatistics"].([]any)
			inbound, outbound := acts[0].(map[string]any), acts[2].(map[string]any)
			if inbound["@odata.type"] != "#microsoft.graph.industryData.inboundActivityResults" ||
				inbound["people"].(map[string]any)["total"] != 1245.0 || inbound["errors"] != 0.0 ||
				inbound["matchedPeopleByRole"].([]any)[0].(map[string]any)["role"] != "student" {
				t.Errorf("inbound activity statistics %v", inbound)
			}
			if outbound["@odata.type"] != "#microsoft.graph.industryData.industryDataActivityStatistics" {
				t.Errorf("outbound type %v", outbound["@odata.type"])
			}
			if _, ok := outbound["errors"]; ok {
				t.Errorf("plain activity statistics carry inbound fields: %v", outbound)
			}
			totals := st["inboundTotals"].(map[string]any)
			if totals["people"] != 1245.0+132 || totals["groups"] != 100.0 {
				t.Errorf("inboundTotals %v", totals)
			}
		})
	}

	empty := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleFailed+"/getStatistics", "").object(t)
	if empty["status"] != "failed" || len(empty["activityStatistics"].([]any)) != 0 || empty["inboundTotals"].(map[string]any)["people"] != 0.0 {
		t.Errorf("statistics of a run without any: %v", empty)
	}
	if res := graphCall(t, s, http.MethodGet, runsPath+"/nope/getStatistics", ""); res.status != http.StatusNotFound {
		t.Errorf("unknown run: %d", res.status)
	}
}

func TestAggregateStatistics(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	for _, fn := range []string{"microsoft.graph.industryData.getStatistics()", "getStatistics"} {
		res := graphCall(t, s, http.MethodGet, runsPath+"/"+fn, "")
		st := res.object(t)
		totals, _ := st["inboundTotals"].(map[string]any)
		if res.status != http.StatusOK || st["runId"] != sampleRunning || st["status"] != "running" ||
			totals["people"] != 1245.0+132+1249+133 || totals["warnings"] != 17.0 {
			t.Errorf("%s: %d %s", fn, res.status, res.body)
		}
		matched := totals["matchedPeopleByRole"].([]any)
		if len(matched) != 3 || matched[0].(map[string]any)["count"] != 1080.0+1086 {
			t.Errorf("%s: matchedPeopleByRole %v", fn, matched)
		}
	}
}

func TestActivities(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{PageSize: 2})
	body := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted+"/activities", "").object(t)
	if len(body["value"].([]any)) != 2 || body["@odata.nextLink"] == nil {
		t.Fatalf("first page %v", body)
	}
	rest := graphCall(t, s, http.MethodGet, body["@odata.nextLink"].(string), "").object(t)
	last := rest["value"].([]any)[0].(map[string]any)
	if last["displayName"] != "Outbound provisioning: Microsoft 365 groups" || rest["@odata.nextLink"] != nil {
		t.Errorf("second page %v", rest)
	}

	one := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted+"/activities/"+last["id"].(string), "")
	if one.status != http.StatusOK || one.object(t)["id"] != last["id"] {
		t.Errorf("single activity: %d %s", one.status, one.body)
	}
	if res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted+"/activities/nope", ""); res.status != http.StatusNotFound {
		t.Errorf("unknown activity: %d", res.status)
	}
}
