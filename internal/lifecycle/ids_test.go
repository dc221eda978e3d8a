package lifecycle

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// FuzzImportID: import accepts exactly the GUID shape; everything else is
// refused before any request.
func FuzzImportID(f *testing.F) {
	for _, s := range []string{GUIDExample, "run-42", "", "5C1F9A52-3F4E-4B7E-9D3C-1A2B3C4D5E6F", GUIDExample + "\n", " " + GUIDExample} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		ok := GUIDPattern.MatchString(id)
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

// A malformed import id is refused with a message naming the id, the object
// and the shape expected.
func TestCheckImportID(t *testing.T) {
	var diags diag.Diagnostics
	if !CheckImportID(GUIDExample, "an industry data year", &diags) || diags.HasError() {
		t.Fatalf("a GUID was refused: %v", diags)
	}
	if CheckImportID("year-1", "an industry data year", &diags) {
		t.Fatal("year-1 was accepted")
	}
	want := `"year-1" is not an industry data year id. Import takes the id Graph gave it, a GUID such as ` + GUIDExample + "."
	if got := diags[0].Detail(); got != want {
		t.Errorf("detail %q, want %q", got, want)
	}
}
