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

// FuzzImportID: import accepts exactly the GUID shape; everything else is
// refused before any request.
func FuzzImportID(f *testing.F) {
	for _, s := range []string{guidExample, "run-42", "", "5C1F9A52-3F4E-4B7E-9D3C-1A2B3C4D5E6F", guidExample + "\n", " " + guidExample} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		ok := guidPattern.MatchString(id)
		if ok != (len(id) == 36 && isGUID(id)) {
			t.Fatalf("%q: pattern says %v", id, ok)
		}
	})
}

// isGUID is an independent check of the 8-4-4-4-12 hex shape.
func isGUID(s string) bool {
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
	}
	return true
}
