package fakegraph

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

const sourceSystemsPath = "/external/industryData/sourceSystems"

// createSourceSystem creates one through the API and returns its id.
func createSourceSystem(t *testing.T, s *Server, body string) string {
	t.Helper()
	res := graphCall(t, s, http.MethodPost, sourceSystemsPath, body)
	if res.status != http.StatusCreated {
		t.Fatalf("create: HTTP %d %s", res.status, res.body)
	}
	return res.object(t)["id"].(string)
}

// The whole life of a plain entity: 201 with the entity, GET, PATCH 204
// without a body or JSON content type, DELETE 204, then 404.
func TestEntities_lifecycle(t *testing.T) {
	s := newTestServer(t, Options{})
	id := createSourceSystem(t, s, `{"displayName":"SIS","userMatchingSettings":[{"sourceIdentifier":{"code":"username"},"matchTarget":{"code":"userPrincipalName"},"priorityOrder":0,"roleGroup@odata.bind":"`+s.GraphURL()+`/external/industryData/roleGroups('staff')"}]}`)

	got := graphCall(t, s, http.MethodGet, sourceSystemsPath+"/"+id, "").object(t)
	if got["vendor"] != nil || got["displayName"] != "SIS" {
		t.Errorf("GET: %v", got)
	}
	setting := got["userMatchingSettings"].([]any)[0].(map[string]any)
	if _, ok := setting["roleGroup@odata.bind"]; ok || len(setting) != 3 {
		t.Errorf("Graph does not return the role group binding: %v", setting)
	}

	patched := graphCall(t, s, http.MethodPatch, sourceSystemsPath+"/"+id, `{"vendor":"Contoso"}`)
	if patched.status != http.StatusNoContent || len(patched.body) != 0 || patched.header.Get("Content-Type") != "" {
		t.Errorf("PATCH: HTTP %d, Content-Type %q, body %q", patched.status, patched.header.Get("Content-Type"), patched.body)
	}
	if v := graphCall(t, s, http.MethodGet, sourceSystemsPath+"/"+id, "").object(t)["vendor"]; v != "Contoso" {
		t.Errorf("vendor after PATCH: %v", v)
	}

	deleted := graphCall(t, s, http.MethodDelete, sourceSystemsPath+"/"+id, "")
	if deleted.status != http.StatusNoContent || deleted.header.Get("Content-Type") != "" {
		t.Errorf("DELETE: HTTP %d, Content-Type %q", deleted.status, deleted.header.Get("Content-Type"))
	}
	for _, method := range []string{http.MethodGet, http.MethodDelete} {
		if res := graphCall(t, s, method, sourceSystemsPath+"/"+id, ""); res.status != http.StatusNotFound {
			t.Errorf("%s after DELETE: HTTP %d", method, res.status)
		}
	}
}

// What the service would refuse, the fake refuses with 400 and a message
// naming the property.
func TestEntities_refusals(t *testing.T) {
	s := newTestServer(t, Options{})
	id := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	item := sourceSystemsPath + "/" + id
	long := strings.Repeat("x", 101)
	tests := []struct {
		name, method, path, body, want string
	}{
		{"display name too long", http.MethodPost, sourceSystemsPath, `{"displayName":"` + long + `"}`, "at most 100"},
		{"display name missing", http.MethodPost, sourceSystemsPath, `{"vendor":"V"}`, "'displayName' is required"},
		{"vendor too long", http.MethodPatch, item, `{"vendor":"` + long + `"}`, "'vendor' is 101 characters long"},
		{"display name is create-only", http.MethodPatch, item, `{"displayName":"New"}`, "'displayName' cannot be updated"},
		{"empty PATCH", http.MethodPatch, item, `{}`, "at least one property"},
		{"unknown property", http.MethodPost, sourceSystemsPath, `{"displayName":"S","color":"red"}`, "'color' does not exist"},
		{"id is read-only", http.MethodPost, sourceSystemsPath, `{"displayName":"S","id":"x"}`, "'id' is read-only"},
		{"role group set inline", http.MethodPost, sourceSystemsPath, `{"displayName":"S","userMatchingSettings":[{"roleGroup":{"id":"staff"}}]}`, "set it with 'roleGroup@odata.bind'"},
		{"unknown role group", http.MethodPost, sourceSystemsPath, `{"displayName":"S","userMatchingSettings":[{"roleGroup@odata.bind":"external/industryData/roleGroups/teachers"}]}`, "'teachers', which does not exist"},
		{"bind to another collection", http.MethodPost, sourceSystemsPath, `{"displayName":"S","userMatchingSettings":[{"roleGroup@odata.bind":"external/industryData/years/staff"}]}`, "'roleGroups' was expected"},
		{"bind on a hard-coded host", http.MethodPost, sourceSystemsPath, `{"displayName":"S","userMatchingSettings":[{"roleGroup@odata.bind":"https://graph.microsoft.com/beta/external/industryData/roleGroups/staff"}]}`, "names the host graph.microsoft.com"},
		{"year code is create-only", http.MethodPatch, "/external/industryData/years/none", `{"year":{"code":"2026"}}`, "'year' cannot be updated"},
		{"a date that is not one", http.MethodPost, "/external/industryData/years", `{"displayName":"Y","startDate":"2025-13-01","endDate":"2026-06-30","year":{"code":"2026"}}`, "Edm.Date"},
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

// Every documented bind form resolves: absolute on the server's own host,
// relative, key in parentheses or as a segment, any case.
func TestEntities_bindForms(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, bind := range []string{
		s.GraphURL() + "/external/industryData/roleGroups/staff",
		s.GraphURL() + "/external/industryData/roleGroups('students')",
		"external/industryData/roleGroups/staff",
		"/beta/External/IndustryData/RoleGroups('staff')",
	} {
		body := fmt.Sprintf(`{"displayName":"S","userMatchingSettings":[{"roleGroup@odata.bind":%q}]}`, bind)
		if res := graphCall(t, s, http.MethodPost, sourceSystemsPath, body); res.status != http.StatusCreated {
			t.Errorf("%s: HTTP %d %s", bind, res.status, res.body)
		}
	}
}

// A body must say it is JSON: without Content-Type, or with another type,
// a create or a PATCH is refused.
func TestEntities_bodiesMustBeDeclaredJSON(t *testing.T) {
	s := newTestServer(t, Options{})
	id := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	for _, tt := range []struct{ method, path, contentType string }{
		{http.MethodPost, sourceSystemsPath, ""},
		{http.MethodPost, sourceSystemsPath, "text/plain"},
		{http.MethodPatch, sourceSystemsPath + "/" + id, ""},
		{http.MethodPatch, runsPath + "/any", ""},
	} {
		req := newGraphRequest(t, s, tt.method, tt.path, strings.NewReader(`{"displayName":"S"}`))
		if tt.contentType != "" {
			req.Header.Set("Content-Type", tt.contentType)
		}
		if res := send(t, s.Client(), req); res.status != http.StatusUnsupportedMediaType {
			t.Errorf("%s %s with Content-Type %q: HTTP %d, want 415", tt.method, tt.path, tt.contentType, res.status)
		}
	}
}

// Lists page by 3 by default, newest first, and the pages together hold
// every entity once.
func TestEntities_listPagesNewestFirst(t *testing.T) {
	s := newTestServer(t, Options{})
	var created []string
	for i := range 5 {
		created = append(created, createSourceSystem(t, s, fmt.Sprintf(`{"displayName":"S%d"}`, i)))
	}
	var listed []string
	pages := 0
	for next := s.GraphURL() + sourceSystemsPath; next != ""; pages++ {
		page := graphCall(t, s, http.MethodGet, next, "").object(t)
		for _, v := range page["value"].([]any) {
			listed = append(listed, v.(map[string]any)["id"].(string))
		}
		next, _ = page["@odata.nextLink"].(string)
	}
	slices.Reverse(created)
	if pages != 2 || !slices.Equal(listed, created) {
		t.Errorf("%d pages listing %v, want 2 pages listing %v", pages, listed, created)
	}
}

// Role groups are read-only: listed and read, never written.
func TestEntities_roleGroupsAreReadOnly(t *testing.T) {
	s := newTestServer(t, Options{})
	staff := graphCall(t, s, http.MethodGet, "/external/industryData/roleGroups/staff", "").object(t)
	if staff["displayName"] != "Staff" || len(staff["roles"].([]any)) == 0 {
		t.Errorf("staff: %v", staff)
	}
	if res := graphCall(t, s, http.MethodPost, "/external/industryData/roleGroups", `{"displayName":"X"}`); res.status != http.StatusMethodNotAllowed {
		t.Errorf("POST roleGroups: HTTP %d", res.status)
	}
}

// A 202 without a body (starting a run) carries no JSON content type.
func TestBodiless202HasNoContentType(t *testing.T) {
	s := newTestServer(t, Options{})
	res := graphCall(t, s, http.MethodPost, startPath, "")
	if res.status != http.StatusAccepted || len(res.body) != 0 || res.header.Get("Content-Type") != "" {
		t.Errorf("start: HTTP %d, Content-Type %q, body %q", res.status, res.header.Get("Content-Type"), res.body)
	}
}
