package graph

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// recorder answers each request with the next canned answer and records
// "METHOD path?query" and the body.
type recorder struct {
	answers []roundTripFunc
	lines   []string
	bodies  []string
}

func (rec *recorder) transport() roundTripFunc {
	return func(r *http.Request) (*http.Response, error) {
		line := r.Method + " " + r.URL.Path
		if r.URL.RawQuery != "" {
			line += "?" + r.URL.RawQuery
		}
		rec.lines = append(rec.lines, line)
		body := ""
		if r.Body != nil {
			var reader io.Reader = r.Body
			if r.Header.Get("Content-Encoding") == "gzip" { // the SDK's compression middleware
				zr, err := gzip.NewReader(r.Body)
				if err != nil {
					return nil, err
				}
				reader = zr
			}
			b, _ := io.ReadAll(reader)
			body = string(b)
		}
		rec.bodies = append(rec.bodies, body)
		next := rec.answers[0]
		rec.answers = rec.answers[1:]
		return next(r)
	}
}

const jsonType = "application/json"

func withHeader(f roundTripFunc, name, value string) roundTripFunc {
	return func(r *http.Request) (*http.Response, error) {
		resp, err := f(r)
		resp.Header.Set(name, value)
		return resp, err
	}
}

// Lists follow @odata.nextLink to the last page and keep every item.
func TestEntity_listFollowsNextLink(t *testing.T) {
	rec := &recorder{answers: []roundTripFunc{
		answer(200, jsonType, `{"value":[{"id":"a","displayName":"A"},{"id":"b","displayName":"B"}],"@odata.nextLink":"https://graph.microsoft.com/beta/external/industryData/sourceSystems?$skiptoken=x"}`),
		answer(200, jsonType, `{"value":[{"id":"c","displayName":"C","vendor":"V"}]}`),
	}}
	c := staticClient(t, rec.transport(), Options{})
	got, err := c.ListSourceSystems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range got {
		names = append(names, s.DisplayName)
	}
	if !slices.Equal(names, []string{"A", "B", "C"}) || *got[2].Vendor != "V" {
		t.Errorf("got %+v", got)
	}
	want := []string{"GET /beta/external/industryData/sourceSystems", "GET /beta/external/industryData/sourceSystems?$skiptoken=x"}
	if !slices.Equal(rec.lines, want) {
		t.Errorf("requests %q, want %q", rec.lines, want)
	}
}

// An update sends only what changed; a 204 is followed by one GET, a 200
// body is used as it is, and nothing to change sends nothing.
func TestEntity_updateSendsOnlyWhatChanged(t *testing.T) {
	vendor, other := "Contoso", "Fabrikam"
	prior := SourceSystem{ID: "s1", DisplayName: "SIS", Vendor: &vendor,
		UserMatchingSettings: []UserMatchingSetting{{SourceIdentifier: "username", MatchTarget: "userPrincipalName", RoleGroupID: "staff"}}}
	tests := []struct {
		name      string
		desired   func(SourceSystem) SourceSystem
		answers   []roundTripFunc
		wantLines []string
		wantBody  map[string]any
	}{
		{"vendor changed, 204 then GET", func(s SourceSystem) SourceSystem { s.Vendor = &other; return s },
			[]roundTripFunc{answer(204, "", ""), answer(200, jsonType, `{"id":"s1","displayName":"SIS","vendor":"Fabrikam"}`)},
			[]string{"PATCH /beta/external/industryData/sourceSystems/s1", "GET /beta/external/industryData/sourceSystems/s1"},
			map[string]any{"vendor": "Fabrikam"}},
		{"vendor cleared, 200 with the entity", func(s SourceSystem) SourceSystem { s.Vendor = nil; return s },
			[]roundTripFunc{answer(200, jsonType, `{"id":"s1","displayName":"SIS","vendor":null}`)},
			[]string{"PATCH /beta/external/industryData/sourceSystems/s1"},
			map[string]any{"vendor": nil}},
		{"a role group changed sends the whole list, bound on the configured endpoint", func(s SourceSystem) SourceSystem {
			s.UserMatchingSettings = []UserMatchingSetting{{SourceIdentifier: "username", MatchTarget: "userPrincipalName", RoleGroupID: "students"}}
			return s
		},
			[]roundTripFunc{answer(204, "", ""), answer(200, jsonType, `{"id":"s1","displayName":"SIS"}`)},
			[]string{"PATCH /beta/external/industryData/sourceSystems/s1", "GET /beta/external/industryData/sourceSystems/s1"},
			map[string]any{"userMatchingSettings": []any{map[string]any{
				"sourceIdentifier": map[string]any{"code": "username"}, "matchTarget": map[string]any{"code": "userPrincipalName"},
				"priorityOrder": float64(0), "roleGroup@odata.bind": "https://graph.microsoft.com/beta/external/industryData/roleGroups/students",
			}}}},
		{"a name change alone is not patched", func(s SourceSystem) SourceSystem { s.DisplayName = "New"; return s }, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{answers: tt.answers}
			c := staticClient(t, rec.transport(), Options{})
			got, err := c.UpdateSourceSystem(context.Background(), "s1", prior, tt.desired(prior))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rec.lines, tt.wantLines) {
				t.Errorf("requests %q, want %q", rec.lines, tt.wantLines)
			}
			if tt.wantBody == nil {
				if got != nil {
					t.Errorf("nothing to send returned %+v", got)
				}
				return
			}
			var body map[string]any
			if err := json.Unmarshal([]byte(rec.bodies[0]), &body); err != nil || !reflect.DeepEqual(body, tt.wantBody) {
				t.Errorf("PATCH body %s, want %v", rec.bodies[0], tt.wantBody)
			}
			if got == nil || got.ID != "s1" {
				t.Errorf("returned %+v", got)
			}
		})
	}
}

// A DELETE answered 404 means the object is already gone: no error.
func TestEntity_deleteOfWhatIsGoneSucceeds(t *testing.T) {
	for _, status := range []int{204, 404} {
		rec := &recorder{answers: []roundTripFunc{answer(status, jsonType, `{"error":{"code":"itemNotFound","message":"gone"}}`)}}
		if err := staticClient(t, rec.transport(), Options{}).DeleteSourceSystem(context.Background(), "s1"); err != nil {
			t.Errorf("HTTP %d: %v", status, err)
		}
	}
	rec := &recorder{answers: []roundTripFunc{answer(403, jsonType, `{"error":{"code":"Forbidden","message":"no"}}`)}}
	err := staticClient(t, rec.transport(), Options{}).DeleteSourceSystem(context.Background(), "s1")
	var ge *Error
	if !errors.As(err, &ge) || ge.StatusCode != 403 || ge.Kind != sourceSystems.kinds.Delete {
		t.Errorf("HTTP 403: %#v", err)
	}
}

// A create sends the whole entity, binds on the configured endpoint, and
// reads the created entity from the 201.
func TestEntity_createBindsOnTheConfiguredEndpoint(t *testing.T) {
	rec := &recorder{answers: []roundTripFunc{answer(201, jsonType, `{"id":"new","displayName":"SIS","vendor":null,"userMatchingSettings":[{"sourceIdentifier":{"code":"email"},"matchTarget":{"code":"mail"},"priorityOrder":1}]}`)}}
	c := staticClient(t, rec.transport(), Options{})
	got, err := c.CreateSourceSystem(context.Background(), SourceSystem{ID: "ignored", DisplayName: "SIS",
		UserMatchingSettings: []UserMatchingSetting{{SourceIdentifier: "email", MatchTarget: "mail", PriorityOrder: 1, RoleGroupID: "staff"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"displayName":"SIS","vendor":null,"userMatchingSettings":[{"sourceIdentifier":{"code":"email"},"matchTarget":{"code":"mail"},"priorityOrder":1,"roleGroup@odata.bind":"https://graph.microsoft.com/beta/external/industryData/roleGroups/staff"}]}`
	if rec.bodies[0] != want {
		t.Errorf("POST body\n got %s\nwant %s", rec.bodies[0], want)
	}
	if got.ID != "new" || got.UserMatchingSettings[0].RoleGroupID != "" || got.UserMatchingSettings[0].MatchTarget != "mail" {
		t.Errorf("got %+v", got)
	}
}

// An action answered 202 returns its Location.
func TestEntity_actionReturnsLocation(t *testing.T) {
	rec := &recorder{answers: []roundTripFunc{withHeader(answer(202, "", ""), "Location", "https://graph.microsoft.com/beta/external/industryData/operations/op-1")}}
	c := staticClient(t, rec.transport(), Options{})
	loc, err := c.postAction(context.Background(), KindStartRun, "acting", c.collectionURL("dataConnectors", "d1", "microsoft.graph.industryData.validate"))
	if err != nil || !strings.HasSuffix(loc, "/operations/op-1") {
		t.Errorf("location %q, err %v", loc, err)
	}
	if rec.lines[0] != "POST /beta/external/industryData/dataConnectors/d1/microsoft.graph.industryData.validate" || rec.bodies[0] != "" {
		t.Errorf("request %q body %q", rec.lines[0], rec.bodies[0])
	}
}

// Every entity's kinds carry a permission row, so a 403 can name it.
func TestEntity_kindsAreRegisteredWithPermissions(t *testing.T) {
	k := sourceSystems.kinds
	for _, kind := range []OperationKind{k.Read, k.List, k.Create, k.Update, k.Delete} {
		p, ok := PermissionFor(kind)
		if !ok || !strings.HasPrefix(p.Application, "IndustryData-SourceSystem.") || !strings.Contains(p.Request, "/sourceSystems") {
			t.Errorf("%s: %+v", kind, p)
		}
	}
	if p, _ := PermissionFor(k.Update); p.Request != "PATCH /sourceSystems/{id}" || p.Application != "IndustryData-SourceSystem.ReadWrite.All" {
		t.Errorf("update row %+v", p)
	}
}
