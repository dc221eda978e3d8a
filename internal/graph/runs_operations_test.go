package graph

import "testing"

// A run id is taken only from a location that names a run by a GUID.
func TestOperation_RunID(t *testing.T) {
	const id = "7e57a001-0000-4000-8000-000000000001"
	tests := []struct {
		location string
		want     string // "" for no id
	}{
		{"https://graph.microsoft.com/beta/external/industryData/runs/" + id, id},
		{"https://graph.microsoft.com/beta/external/industryData/runs/" + id + "/", id},
		{"/external/industryData/runs/" + id, id},
		{"https://graph.microsoft.com/beta/external/industryData/runs('" + id + "')", id},
		{"", ""}, // null while notStarted
		{"https://graph.microsoft.com/beta/external/industryData/runs/", ""},                // no key
		{"https://graph.microsoft.com/beta/external/industryData/runs", ""},                 // the collection
		{"https://graph.microsoft.com/beta/external/industryData/dataConnectors/" + id, ""}, // not a run
		{"https://graph.microsoft.com/beta/external/industryData/runs/pending", ""},         // not a GUID
		{"https://graph.microsoft.com/beta/external/industryData/runs/" + id + "/activities", ""},
		{"https://graph.microsoft.com/beta/external/industryData/runs('')", ""},
		{"::not a url", ""},
		{".", ""},
	}
	for _, tt := range tests {
		got, ok := Operation{ResourceLocation: tt.location}.RunID()
		if got != tt.want && ok || ok != (tt.want != "") {
			t.Errorf("RunID(%q) = %q, %v; want %q", tt.location, got, ok, tt.want)
		}
	}
}

// statusDetail is read as Graph's error body, its inner object, or text.
func TestOperation_DetailError(t *testing.T) {
	tests := []struct {
		detail string
		want   PublicError
	}{
		{`{"error":{"code":"conflict","message":"At most 5 runs"}}`, PublicError{Code: "conflict", Message: "At most 5 runs"}},
		{`{"code":"quotaExceeded","message":"Too many runs","target":"run"}`, PublicError{Code: "quotaExceeded", Message: "Too many runs", Target: "run"}},
		{"No active inbound flow", PublicError{Message: "No active inbound flow"}},
		{`{"unrelated":1}`, PublicError{Message: `{"unrelated":1}`}},
		{"", PublicError{}},
	}
	for _, tt := range tests {
		if got := (Operation{StatusDetail: tt.detail}).DetailError(); got != tt.want {
			t.Errorf("DetailError(%q) = %+v; want %+v", tt.detail, got, tt.want)
		}
	}
}
