package run

import (
	"strings"
	"testing"
)

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from, to string
		allowed  bool
	}{
		{"running", "completed", true},
		{"running", "failed", true},
		{"running", "running", true},
		{"completed", "completed", true},
		{"completed", "running", false},
		{"completedWithWarnings", "completed", false},
		{"failed", "running", false},
		{"completedWithErrors", "failed", false},
		{"", "completed", true}, // unknown prior (adopting): checked against the server at apply
		{"unknownFutureValue", "completed", true},
	}
	for _, tt := range tests {
		err := checkTransition(tt.from, tt.to)
		if (err == nil) != tt.allowed {
			t.Errorf("%s → %s: error %v, allowed %v", tt.from, tt.to, err, tt.allowed)
		}
		if err != nil && (!strings.Contains(err.Error(), `"`+tt.from+`"`) || !strings.Contains(err.Error(), `"`+tt.to+`"`)) {
			t.Errorf("%s → %s: message must name both statuses: %v", tt.from, tt.to, err)
		}
	}
}

// FuzzCheckTransition: a final status never moves; anything else may.
func FuzzCheckTransition(f *testing.F) {
	for _, s := range append(append([]string{}, settableStatuses...), "unknownFutureValue", "", "Completed") {
		f.Add(s, "running")
		f.Add("completed", s)
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		err := checkTransition(from, to)
		mustRefuse := isFinal(from) && to != "" && to != from
		if (err != nil) != mustRefuse {
			t.Fatalf("%q → %q: error %v, want refusal %v", from, to, err, mustRefuse)
		}
	})
}
