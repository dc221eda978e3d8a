package fakegraph

import (
	"bytes"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPatchValidation(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})

	tests := []struct {
		name, run, body, message string
	}{
		{"empty body", sampleCompleted, "", "Empty Payload. JSON content expected."},
		{"malformed JSON", sampleCompleted, `{"displayName":`, "Unable to read JSON request payload"},
		{"trailing data", sampleCompleted, `{"displayName":"a"} {}`, "Unable to read JSON request payload"},
		{"not an object", sampleCompleted, `["displayName"]`, "An unexpected 'StartArray' node was found when reading from the JSON reader. A 'StartObject' node was expected."},
		{"unknown property", sampleCompleted, `{"foo":1}`, "Property 'foo' does not exist on type 'microsoft.graph.industryData.industryDataRun'."},
		{"unknown property annotation", sampleCompleted, `{"foo@odata.type":"#String"}`, "Property 'foo' does not exist"},
		{"duplicate property", sampleCompleted, `{"displayName":"a","displayName":"b"}`, "Multiple properties with the name 'displayName'"},
		{"number for string", sampleCompleted, `{"displayName":123}`, "Cannot convert the literal '123' to the expected type 'Edm.String' for property 'displayName'."},
		{"object for string", sampleCompleted, `{"displayName":{}}`, "An unexpected 'StartObject' node was found for property named 'displayName'"},
		{"null displayName", sampleCompleted, `{"displayName":null}`, "A null value was found for the property named 'displayName'"},
		{"invalid time", sampleCompleted, `{"startDateTime":"yesterday"}`, "Cannot convert the literal 'yesterday' to the expected type 'Edm.DateTimeOffset'"},
		{"time without zone", sampleCompleted, `{"startDateTime":"2023-11-01T11:10:46"}`, "'Edm.DateTimeOffset'"},
		{"bad enum", sampleCompleted, `{"status":"done"}`, "The value 'done' is not a valid member of 'microsoft.graph.industryData.industryDataRunStatus'"},
		{"enum is case-sensitive", sampleCompleted, `{"status":"Completed"}`, "The value 'Completed' is not a valid member"},
		{"unknownFutureValue", sampleCompleted, `{"status":"unknownFutureValue"}`, "cannot be set by a client"},
		{"null status", sampleCompleted, `{"status":null}`, "A null value was found for the property named 'status'"},
		{"unknown @odata.type", sampleCompleted, `{"@odata.type":"#microsoft.graph.user"}`, "A type named 'microsoft.graph.user' could not be resolved by the model."},
		{"incompatible @odata.type", sampleCompleted, `{"@odata.type":"#microsoft.graph.industryData.industryDataRunStatistics"}`, "The type 'microsoft.graph.industryData.industryDataRunStatistics' is not compatible with the expected type 'microsoft.graph.industryData.industryDataRun'."},
		{"read-only id", sampleCompleted, `{"id":"` + sampleCompleted + `"}`, "Property 'id' is read-only"},
		{"read-only blockingError", sampleCompleted, `{"blockingError":null}`, "Property 'blockingError' is read-only"},
		{"read-only activities", sampleCompleted, `{"activities":[]}`, "Property 'activities' is read-only"},
		{"end before start", sampleCompleted, `{"endDateTime":"2000-01-01T00:00:00Z"}`, "must not be earlier than startDateTime"},
		{"start after end", sampleCompleted, `{"startDateTime":"2999-01-01T00:00:00Z"}`, "must not be earlier than startDateTime"},
		{"end while running", sampleRunning, `{"endDateTime":"2999-01-01T00:00:00Z"}`, "endDateTime must be null while the run's status is 'running'"},
		{"null end for final status", sampleCompleted, `{"endDateTime":null}`, "endDateTime cannot be null for a run whose status is 'completed'"},
		{"statistics unknown property", sampleCompleted, `{"statistics":{"bogus":1}}`, "Property 'bogus' does not exist on type 'microsoft.graph.industryData.industryDataRunStatistics'."},
		{"statistics activity status", sampleCompleted, `{"statistics":{"activityStatistics":[{"status":"running"}]}}`, "The value 'running' is not a valid member of 'microsoft.graph.industryData.industryDataActivityStatus' for property 'statistics.activityStatistics[0].status'"},
		{"statistics inbound field on plain type", sampleCompleted, `{"statistics":{"activityStatistics":[{"errors":1}]}}`, "Property 'errors' does not exist on type 'microsoft.graph.industryData.industryDataActivityStatistics'."},
		{"statistics int32 overflow", sampleCompleted, `{"statistics":{"inboundTotals":{"people":3000000000}}}`, "'Edm.Int32' for property 'statistics.inboundTotals.people'"},
		{"statistics fraction", sampleCompleted, `{"statistics":{"inboundTotals":{"people":1.5}}}`, "'Edm.Int32'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Run(tt.run)
			res := graphCall(t, s, http.MethodPatch, runsPath+"/"+tt.run, tt.body)
			code, msg := res.graphError(t)
			if res.status != http.StatusBadRequest || code != "BadRequest" || !strings.Contains(msg, tt.message) {
				t.Errorf("got %d %s %q, want 400 BadRequest containing %q", res.status, code, msg, tt.message)
			}
			if after, _ := s.Run(tt.run); !reflect.DeepEqual(before, after) {
				t.Error("a refused PATCH changed the run")
			}
		})
	}
}

func TestPatchAcceptsRunTypeNames(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	for _, typ := range []string{
		"#microsoft.graph.industryData.industryDataRun", "microsoft.graph.industryData.industryDataRun",
		"#microsoft.graph.industryData.run", "microsoft.graph.industryData.run",
	} {
		body := `{"@odata.type":"` + typ + `","displayName":"` + typ + `","@odata.etag":"ignored"}`
		if res := graphCall(t, s, http.MethodPatch, runsPath+"/"+sampleCompleted, body); res.status != http.StatusOK {
			t.Errorf("%s: %d %s", typ, res.status, res.body)
		}
	}
}

func TestPatchUnknownRun(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	res := graphCall(t, s, http.MethodPatch, runsPath+"/nope", `{"displayName":"x"}`)
	if code, msg := res.graphError(t); res.status != http.StatusNotFound || code != "itemNotFound" || !strings.Contains(msg, "'nope'") {
		t.Errorf("got %d %s %q", res.status, code, msg)
	}
}

func TestPatchStatusStampsEndDateTime(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{})
	clock.Advance(90*time.Second + 123456789) // sub-microsecond part must be dropped

	tests := []struct {
		name, run, body string
		wantEnd         func(before Run) *time.Time
	}{
		{"final status stamps now", sampleRunning, `{"status":"completed"}`,
			func(Run) *time.Time { now := normalizeTime(clock.Now()); return &now }},
		{"explicit end wins", sampleRunning, `{"status":"failed","endDateTime":"2023-11-01T13:30:00+02:00"}`,
			func(Run) *time.Time { end := time.Date(2023, 11, 1, 11, 30, 0, 0, time.UTC); return &end }},
		{"stored end is kept", sampleCompleted, `{"status":"completedWithWarnings"}`,
			func(before Run) *time.Time { return before.EndDateTime }},
		{"back to running clears the end", sampleWarnings, `{"status":"running"}`,
			func(Run) *time.Time { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Run(tt.run)
			if res := graphCall(t, s, http.MethodPatch, runsPath+"/"+tt.run, tt.body); res.status != http.StatusOK {
				t.Fatalf("%d %s", res.status, res.body)
			}
			after, _ := s.Run(tt.run)
			if want := tt.wantEnd(before); !reflect.DeepEqual(after.EndDateTime, want) {
				t.Errorf("endDateTime %v, want %v", after.EndDateTime, want)
			}
		})
	}
}

func TestPatchResponseStyles(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})

	res := graphCall(t, s, http.MethodPatch, runsPath+"/"+sampleCompleted, `{"displayName":"first"}`)
	if body := res.object(t); res.status != http.StatusOK || body["displayName"] != "first" || body["id"] != sampleCompleted {
		t.Errorf("PatchReturnsBody: %d %s", res.status, res.body)
	}

	s.SetPatchStyle(PatchNoContent)
	res = graphCall(t, s, http.MethodPatch, runsPath+"/"+sampleCompleted, `{"displayName":"second"}`)
	if run, _ := s.Run(sampleCompleted); res.status != http.StatusNoContent || len(res.body) != 0 || run.DisplayName != "second" {
		t.Errorf("PatchNoContent: %d %q, stored %q", res.status, res.body, run.DisplayName)
	}

	s2, _ := sampleServer(t, Options{PatchStyle: PatchNoContent})
	if res := graphCall(t, s2, http.MethodPatch, runsPath+"/"+sampleCompleted, `{}`); res.status != http.StatusNoContent {
		t.Errorf("Options.PatchStyle: %d", res.status)
	}
}

func TestPatchGzipBody(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	req := newGraphRequest(t, s, http.MethodPatch, runsPath+"/"+sampleRunning,
		bytes.NewReader(gzipped(t, `{"status":"completedWithErrors","displayName":"zipped"}`)))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Content-Encoding", "gzip")
	res := send(t, s.Client(), req)
	if body := res.object(t); res.status != http.StatusOK || body["status"] != "completedWithErrors" || body["displayName"] != "zipped" {
		t.Errorf("%d %s", res.status, res.body)
	}
}

func TestPatchTimeNormalisation(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	tests := []struct{ in, want string }{
		{"2023-10-30T12:10:46.9247699+01:00", "2023-10-30T11:10:46.924769Z"},
		{"2023-10-30T11:10:46Z", "2023-10-30T11:10:46.000000Z"},
		{"2023-10-29T22:40:46.5-12:30", "2023-10-30T11:10:46.500000Z"},
	}
	for _, tt := range tests {
		res := graphCall(t, s, http.MethodPatch, runsPath+"/"+sampleCompleted, `{"startDateTime":"`+tt.in+`"}`)
		if got := res.object(t)["startDateTime"]; res.status != http.StatusOK || got != tt.want {
			t.Errorf("%s: %d, startDateTime %v, want %s", tt.in, res.status, got, tt.want)
		}
		run, _ := s.Run(sampleCompleted)
		if want, _ := time.Parse(time.RFC3339Nano, tt.want); !run.StartDateTime.Equal(want) || run.StartDateTime.Location() != time.UTC {
			t.Errorf("%s: stored %v", tt.in, run.StartDateTime)
		}
	}
}

func TestPatchStatistics(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	body := `{"@odata.type":"#microsoft.graph.industryData.run","statistics":{"@odata.type":"microsoft.graph.industryData.runStatistics",
		"activityStatistics":[{"@odata.type":"#microsoft.graph.industryData.inboundActivityResults","activityId":"a1","status":"completed",
			"errors":2,"people":{"active":5,"inactive":1,"total":6},"matchedPeopleByRole":[{"role":"student","count":5}]}]}}`
	if res := graphCall(t, s, http.MethodPatch, runsPath+"/"+sampleRunning, body); res.status != http.StatusOK {
		t.Fatalf("%d %s", res.status, res.body)
	}
	st := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleRunning+"/getStatistics", "").object(t)
	totals := st["inboundTotals"].(map[string]any)
	if st["runId"] != sampleRunning || totals["errors"] != 2.0 || totals["people"] != 6.0 {
		t.Errorf("statistics after PATCH: %v", st)
	}
}
