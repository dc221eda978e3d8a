package timetypes

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

func TestSameInstant(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00.000000Z", true},
		{"2024-05-01T08:00:00Z", "2024-05-01T08:00:00+00:00", true},
		{"2023-11-01T11:10:46.924769Z", "2023-11-01T12:10:46.924769+01:00", true},
		{"2023-11-01T11:10:46.924769Z", "2023-11-01T11:10:46Z", false}, // fractions count
		{"2024-05-01T08:00:00Z", "2024-05-01T08:00:01Z", false},
		{"not a time", "not a time", true},
		{"not a time", "2024-05-01T08:00:00Z", false},
	}
	for _, tt := range tests {
		if got := SameInstant(tt.a, tt.b); got != tt.want {
			t.Errorf("SameInstant(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestInstant_semanticEquality(t *testing.T) {
	eq, diags := NewInstantValue("2024-05-01T10:00:00+02:00").StringSemanticEquals(context.Background(), NewInstantValue("2024-05-01T08:00:00.000000Z"))
	if diags.HasError() || !eq {
		t.Fatalf("want equal, got %v %v", eq, diags)
	}
}

func TestInstant_validation(t *testing.T) {
	for value, wantErr := range map[string]bool{
		"2024-05-01T08:00:00Z": false, "2024-05-01 08:00": true, "yesterday": true,
		"0001-01-01T00:00:00Z": false, "9999-12-31T23:59:59.999999999Z": false,
		"9999-12-31T23:00:00-02:00": true, "0001-01-01T00:30:00+01:00": true, // years 10000 and 0000 in UTC
	} {
		resp := &xattr.ValidateAttributeResponse{}
		NewInstantValue(value).ValidateAttribute(context.Background(), xattr.ValidateAttributeRequest{Path: path.Root("start_date_time")}, resp)
		if resp.Diagnostics.HasError() != wantErr {
			t.Errorf("%q: error %v, want %v (%v)", value, resp.Diagnostics.HasError(), wantErr, resp.Diagnostics)
		}
	}
}

func TestNewInstantPointer(t *testing.T) {
	if !NewInstantPointer(nil).IsNull() {
		t.Error("nil must be null")
	}
	tm := time.Date(2023, 11, 1, 12, 10, 46, 924769000, time.FixedZone("", 3600))
	if got := NewInstantPointer(&tm).ValueString(); got != "2023-11-01T11:10:46.924769Z" {
		t.Errorf("got %q", got)
	}
}
