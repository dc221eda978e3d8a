package fakegraph

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// A seeded outcome ends a started run with its status, blocking error and
// per-activity statistics, rendered in Graph's shape: inboundActivityResults
// elements with errors and warnings, a plain element without them, and
// inboundTotals summed from the inbound ones.
func TestSetRunOutcomeEndsStartedRunsAsSeeded(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{RunDuration: time.Minute})
	s.SetRunOutcome(RunOutcome{
		Status: statusCompletedWithErrors,
		Activities: []ActivityStatistics{
			{ActivityID: "act-1", DisplayName: "SIS roster", Status: "completedWithErrors",
				Inbound: &InboundActivityResults{Errors: 7, Warnings: 2, People: count(100, 3)}},
			{ActivityID: "act-2", DisplayName: "HR staff", Status: "completedWithWarnings",
				Inbound: &InboundActivityResults{Errors: 0, Warnings: 4, People: count(20, 0)}},
			{ActivityID: "act-3", DisplayName: "Provisioning", Status: "completed"},
		},
	})
	op := graphCall(t, s, http.MethodGet, startRun(t, s, runsPath+"/start"), "").object(t)
	clock.Advance(time.Minute)
	runURL := op["resourceLocation"].(string)
	if run := graphCall(t, s, http.MethodGet, runURL, "").object(t); run["status"] != statusCompletedWithErrors {
		t.Fatalf("run %v, want status completedWithErrors", run)
	}
	stats := graphCall(t, s, http.MethodGet, runURL+"/getStatistics", "").object(t)
	got, _ := json.Marshal(map[string]any{"acts": stats["activityStatistics"], "totals": stats["inboundTotals"]})
	want := `{"acts":[` +
		`{"@odata.type":"#microsoft.graph.industryData.inboundActivityResults","activityId":"act-1","displayName":"SIS roster","errors":7,` +
		`"groups":{"active":0,"inactive":0,"total":0},"matchedPeopleByRole":[],"memberships":{"active":0,"inactive":0,"total":0},` +
		`"organizations":{"active":0,"inactive":0,"total":0},"people":{"active":100,"inactive":3,"total":103},"status":"completedWithErrors",` +
		`"unmatchedPeopleByRole":[],"warnings":2},` +
		`{"@odata.type":"#microsoft.graph.industryData.inboundActivityResults","activityId":"act-2","displayName":"HR staff","errors":0,` +
		`"groups":{"active":0,"inactive":0,"total":0},"matchedPeopleByRole":[],"memberships":{"active":0,"inactive":0,"total":0},` +
		`"organizations":{"active":0,"inactive":0,"total":0},"people":{"active":20,"inactive":0,"total":20},"status":"completedWithWarnings",` +
		`"unmatchedPeopleByRole":[],"warnings":4},` +
		`{"@odata.type":"#microsoft.graph.industryData.industryDataActivityStatistics","activityId":"act-3","displayName":"Provisioning","status":"completed"}],` +
		`"totals":{"errors":7,"groups":0,"matchedPeopleByRole":[],"memberships":0,"organizations":0,"people":123,"unmatchedPeopleByRole":[],"warnings":6}}`
	if string(got) != want {
		t.Errorf("statistics\n got %s\nwant %s", got, want)
	}
}

// An outcome's status must be final.
func TestSetRunOutcomeRefusesAStatusThatIsNotFinal(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	defer func() {
		if recover() == nil {
			t.Error("SetRunOutcome(running) did not panic")
		}
	}()
	s.SetRunOutcome(RunOutcome{Status: statusRunning})
}
