package fakegraph

import (
	"net/http"
	"strings"
	"testing"
)

const referenceDefinitionsPath = "/external/industryData/referenceDefinitions"

// newGrade is a valid create body of a tenant-defined grade level.
const newGrade = `{"referenceType":"RefGradeLevel","code":"TestGrade","displayName":"Test grade","sortIndex":50,"isDisabled":false}`

// The life of a tenant-defined definition: 201 with the id
// "{referenceType}-{code}" and the source the service sets, GET by that id
// (path segments in any case), PATCH 204, and a DELETE that only disables
// it: it is still read and listed.
func TestReferenceDefinitions_lifecycleDeleteOnlyDisables(t *testing.T) {
	s := newTestServer(t, Options{})
	created := graphCall(t, s, http.MethodPost, referenceDefinitionsPath, newGrade)
	if created.status != http.StatusCreated {
		t.Fatalf("POST: HTTP %d %s", created.status, created.body)
	}
	got := created.object(t)
	if got["id"] != "RefGradeLevel-TestGrade" || got["source"] != "Tenant Defined" || got["createdDateTime"] == nil {
		t.Errorf("POST answered %v", got)
	}
	item := "/External/IndustryData/ReferenceDefinitions/RefGradeLevel-TestGrade"
	if res := graphCall(t, s, http.MethodPatch, item, `{"displayName":"Grade T","sortIndex":51}`); res.status != http.StatusNoContent {
		t.Errorf("PATCH: HTTP %d %s", res.status, res.body)
	}
	if res := graphCall(t, s, http.MethodDelete, item, ""); res.status != http.StatusNoContent {
		t.Errorf("DELETE: HTTP %d %s", res.status, res.body)
	}
	after := graphCall(t, s, http.MethodGet, item, "").object(t)
	if after["isDisabled"] != true || after["displayName"] != "Grade T" || after["sortIndex"] != float64(51) {
		t.Errorf("after DELETE: %v", after)
	}
	if _, listed := s.Entity(ReferenceDefinitions, "RefGradeLevel-TestGrade"); !listed {
		t.Error("a deleted definition is gone from the store")
	}
}

// Creating a definition whose id exists is a 409, enabled or disabled
// (Graph's delete only disables, so the id stays taken).
func TestReferenceDefinitions_existingIDConflicts(t *testing.T) {
	s := newTestServer(t, Options{})
	graphCall(t, s, http.MethodPost, referenceDefinitionsPath, newGrade)
	for _, state := range []string{"enabled", "disabled"} {
		if state == "disabled" {
			graphCall(t, s, http.MethodDelete, referenceDefinitionsPath+"/RefGradeLevel-TestGrade", "")
		}
		res := graphCall(t, s, http.MethodPost, referenceDefinitionsPath, newGrade)
		if code, msg := res.graphError(t); res.status != http.StatusConflict || code != codeConflict || !strings.Contains(msg, "RefGradeLevel-TestGrade") {
			t.Errorf("%s: HTTP %d %s %q, want 409 conflict naming the id", state, res.status, code, msg)
		}
	}
	// A built-in definition's id is taken too.
	builtIn := `{"referenceType":"RefGradeLevel","code":"09","sortIndex":90,"isDisabled":false}`
	if res := graphCall(t, s, http.MethodPost, referenceDefinitionsPath, builtIn); res.status != http.StatusConflict {
		t.Errorf("built-in id: HTTP %d, want 409", res.status)
	}
}

// What the service refuses, the fake refuses with 400 naming the property.
func TestReferenceDefinitions_refusals(t *testing.T) {
	s := newTestServer(t, Options{})
	graphCall(t, s, http.MethodPost, referenceDefinitionsPath, newGrade)
	item := referenceDefinitionsPath + "/RefGradeLevel-TestGrade"
	body := func(typ, code string, sortIndex string) string {
		return `{"referenceType":"` + typ + `","code":"` + code + `","sortIndex":` + sortIndex + `,"isDisabled":false}`
	}
	tests := []struct {
		name, method, path, body, want string
	}{
		{"a type tenants cannot extend", http.MethodPost, referenceDefinitionsPath, body("RefIdentifierType", "badge", "7"), "'RefIdentifierType' cannot be extended"},
		{"a type spelled in another case", http.MethodPost, referenceDefinitionsPath, body("refGradeLevel", "X", "7"), "cannot be extended"},
		{"a code with a slash", http.MethodPost, referenceDefinitionsPath, body("RefGradeLevel", "a/b", "7"), "The code 'a/b' is not valid"},
		{"a code too long", http.MethodPost, referenceDefinitionsPath, body("RefGradeLevel", strings.Repeat("c", 101), "7"), "at most 100"},
		{"sortIndex missing", http.MethodPost, referenceDefinitionsPath, `{"referenceType":"RefGradeLevel","code":"X","isDisabled":false}`, "'sortIndex' is required"},
		{"isDisabled missing", http.MethodPost, referenceDefinitionsPath, `{"referenceType":"RefGradeLevel","code":"X","sortIndex":7}`, "'isDisabled' is required"},
		{"a sort index an enabled definition of the type holds", http.MethodPost, referenceDefinitionsPath, body("RefGradeLevel", "X", "9"), "already used by 'RefGradeLevel-09'"},
		{"the same, by PATCH", http.MethodPatch, item, `{"sortIndex":10}`, "already used by 'RefGradeLevel-10'"},
		{"empty PATCH", http.MethodPatch, item, `{}`, "at least one property"},
		{"code is create-only", http.MethodPatch, item, `{"code":"Other"}`, "'code' cannot be updated"},
		{"type is create-only", http.MethodPatch, item, `{"referenceType":"RefOrgType"}`, "'referenceType' cannot be updated"},
		{"source is read-only", http.MethodPatch, item, `{"source":"microsoft.com"}`, "'source' is read-only"},
		{"timestamps are read-only", http.MethodPatch, item, `{"lastModifiedDateTime":"2025-01-01T00:00:00Z"}`, "'lastModifiedDateTime' is read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := graphCall(t, s, tt.method, tt.path, tt.body)
			code, msg := res.graphError(t)
			if res.status != http.StatusBadRequest || code != codeBadRequest || !strings.Contains(msg, tt.want) {
				t.Errorf("HTTP %d %s %q, want 400 mentioning %q", res.status, code, msg, tt.want)
			}
		})
	}
}

// Sort indexes are unique among the enabled definitions of one type only:
// another type, or a disabled definition, may hold the same index.
func TestReferenceDefinitions_sortIndexUniqueAmongEnabledOfOneType(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, body := range []string{
		`{"referenceType":"RefOrgType","code":"district","sortIndex":9,"isDisabled":false}`, // RefGradeLevel-09 holds 9: another type
		`{"referenceType":"RefGradeLevel","code":"Old","sortIndex":60,"isDisabled":true}`,   // created disabled
		`{"referenceType":"RefGradeLevel","code":"New","sortIndex":60,"isDisabled":false}`,  // only a disabled one holds 60
		`{"referenceType":"RefGradeLevel","code":"Other","sortIndex":10,"isDisabled":true}`, // disabled itself
	} {
		if res := graphCall(t, s, http.MethodPost, referenceDefinitionsPath, body); res.status != http.StatusCreated {
			t.Errorf("%s: HTTP %d %s", body, res.status, res.body)
		}
	}
	// Enabling the old one while the new one holds 60 is refused.
	if res := graphCall(t, s, http.MethodPatch, referenceDefinitionsPath+"/RefGradeLevel-Old", `{"isDisabled":false}`); res.status != http.StatusBadRequest {
		t.Errorf("enabling a definition whose index is taken: HTTP %d", res.status)
	}
}

// A definition that never existed is 404 for GET, PATCH and DELETE.
func TestReferenceDefinitions_unknownIsNotFound(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, method := range []string{http.MethodGet, http.MethodPatch, http.MethodDelete} {
		body := ""
		if method == http.MethodPatch {
			body = `{"displayName":"X"}`
		}
		if res := graphCall(t, s, method, referenceDefinitionsPath+"/RefGradeLevel-Nope", body); res.status != http.StatusNotFound {
			t.Errorf("%s: HTTP %d, want 404", method, res.status)
		}
	}
}
