package graph

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	jsonser "github.com/microsoft/kiota-serialization-json-go"
)

func serializePatch(t testing.TB, p RunPatch) map[string]any {
	t.Helper()
	w := jsonser.NewJsonSerializationWriter()
	if err := w.WriteObjectValue("", &runPatchBody{patch: p}); err != nil {
		t.Fatal(err)
	}
	raw, err := w.GetSerializedContent()
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("not JSON: %s: %v", raw, err)
	}
	return out
}

// A PATCH body carries @odata.type and exactly the fields that are set, with
// times in UTC keeping their fractions (the SDK's writers would drop both).
func TestRunPatchBody(t *testing.T) {
	start := time.Date(2024, 5, 1, 10, 0, 0, 123456000, time.FixedZone("", 2*3600))
	tests := []struct {
		name  string
		patch RunPatch
		want  map[string]any
	}{
		{
			name:  "display name only",
			patch: RunPatch{DisplayName: ptrTo("Nightly")},
			want:  map[string]any{"@odata.type": odataTypeRun, "displayName": "Nightly"},
		},
		{
			name:  "times and status",
			patch: RunPatch{StartDateTime: &start, Status: ptrTo("completed")},
			want:  map[string]any{"@odata.type": odataTypeRun, "startDateTime": "2024-05-01T08:00:00.123456Z", "status": "completed"},
		},
		{
			name: "statistics with an inbound activity",
			patch: RunPatch{Statistics: &RunStatistics{RunID: "r", Status: "completed",
				Activities: []ActivityStatistics{
					{ActivityID: "a", Status: "completed", Inbound: &InboundActivityResults{Warnings: 2,
						People: EntityCount{Active: 1, Total: 1}, MatchedPeopleByRole: map[string]int32{"teacher": 1, "student": 3}}},
					{ActivityID: "b", Status: "skipped"},
				},
				InboundTotals: &InboundTotals{People: 1, UnmatchedPeopleByRole: map[string]int32{}},
			}},
			want: map[string]any{"@odata.type": odataTypeRun, "statistics": map[string]any{
				"@odata.type": odataTypeStatistics, "runId": "r", "status": "completed",
				"activityStatistics": []any{
					map[string]any{"@odata.type": odataTypeInbound, "activityId": "a", "status": "completed",
						"errors": 0.0, "warnings": 2.0,
						"groups":        map[string]any{"active": 0.0, "inactive": 0.0, "total": 0.0},
						"memberships":   map[string]any{"active": 0.0, "inactive": 0.0, "total": 0.0},
						"organizations": map[string]any{"active": 0.0, "inactive": 0.0, "total": 0.0},
						"people":        map[string]any{"active": 1.0, "inactive": 0.0, "total": 1.0},
						"matchedPeopleByRole": []any{
							map[string]any{"role": "student", "count": 3.0}, map[string]any{"role": "teacher", "count": 1.0},
						},
						"unmatchedPeopleByRole": []any{},
					},
					map[string]any{"@odata.type": odataTypeActivity, "activityId": "b", "status": "skipped"},
				},
				"inboundTotals": map[string]any{"errors": 0.0, "warnings": 0.0, "groups": 0.0, "memberships": 0.0,
					"organizations": 0.0, "people": 1.0, "matchedPeopleByRole": []any{}, "unmatchedPeopleByRole": []any{}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := serializePatch(t, tt.patch); !reflect.DeepEqual(got, tt.want) {
				gotJSON, _ := json.MarshalIndent(got, "", " ")
				wantJSON, _ := json.MarshalIndent(tt.want, "", " ")
				t.Errorf("got\n%s\nwant\n%s", gotJSON, wantJSON)
			}
		})
	}
}

func TestRunPatch_fieldsAndEmpty(t *testing.T) {
	if !(RunPatch{}).Empty() {
		t.Error("zero patch must be empty")
	}
	p := RunPatch{DisplayName: ptrTo("x"), Status: ptrTo("failed")}
	if p.Empty() || !reflect.DeepEqual(p.Fields(), []string{"displayName", "status"}) {
		t.Errorf("fields %v", p.Fields())
	}
}

func BenchmarkRunPatchBody(b *testing.B) {
	start := time.Now()
	p := RunPatch{DisplayName: ptrTo("Nightly"), StartDateTime: &start, EndDateTime: &start, Status: ptrTo("completed")}
	b.ReportAllocs()
	for b.Loop() {
		serializePatch(b, p)
	}
}
