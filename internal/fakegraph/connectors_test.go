package fakegraph

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

const dataConnectorsPath = "/external/industryData/dataConnectors"

// dataLakeBody is a data lake connector's create body bound to sourceSystem.
func dataLakeBody(s *Server, sourceSystem string) string {
	return `{"@odata.type":"#microsoft.graph.industryData.azureDataLakeConnector","displayName":"CSV",` +
		`"sourceSystem@odata.bind":"` + s.GraphURL() + `/external/industryData/sourceSystems('` + sourceSystem + `')",` +
		`"fileFormat":{"code":"schoolDataSyncV2Rev1"}}`
}

// A connector is created as the subtype its @odata.type names, is shown
// with it, and its source system is read through the relationship.
func TestConnectors_subtypeAndSourceSystem(t *testing.T) {
	s := newTestServer(t, Options{})
	sis := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	res := graphCall(t, s, http.MethodPost, dataConnectorsPath, dataLakeBody(s, sis))
	if res.status != http.StatusCreated {
		t.Fatalf("create: HTTP %d %s", res.status, res.body)
	}
	id := res.object(t)["id"].(string)
	got := graphCall(t, s, http.MethodGet, dataConnectorsPath+"/"+id, "").object(t)
	if got["@odata.type"] != "#microsoft.graph.industryData.azureDataLakeConnector" || got["sourceSystem@odata.bind"] != nil {
		t.Errorf("GET: %v", got)
	}
	if related := graphCall(t, s, http.MethodGet, dataConnectorsPath+"/"+id+"/sourceSystem", "").object(t); related["id"] != sis {
		t.Errorf("GET sourceSystem: %v, want id %s", related, sis)
	}
	// A PATCH is read as the stored subtype, with or without @odata.type.
	for _, body := range []string{`{"fileFormat":{"code":"schoolDataSyncV1"}}`, `{"@odata.type":"#microsoft.graph.industryData.azureDataLakeConnector","displayName":"New"}`} {
		if res := graphCall(t, s, http.MethodPatch, dataConnectorsPath+"/"+id, body); res.status != http.StatusNoContent {
			t.Errorf("PATCH %s: HTTP %d %s", body, res.status, res.body)
		}
	}
}

// What the service would refuse of a connector, the fake refuses with 400.
func TestConnectors_refusals(t *testing.T) {
	s := newTestServer(t, Options{})
	sis := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	res := graphCall(t, s, http.MethodPost, dataConnectorsPath, dataLakeBody(s, sis))
	item := dataConnectorsPath + "/" + res.object(t)["id"].(string)
	bind := `"sourceSystem@odata.bind":"external/industryData/sourceSystems/` + sis + `"`
	tests := []struct {
		name, method, path, body, want string
	}{
		{"abstract base", http.MethodPost, dataConnectorsPath, `{"displayName":"C",` + bind + `}`, "is abstract"},
		{"no source system", http.MethodPost, dataConnectorsPath, `{"@odata.type":"#microsoft.graph.industryData.azureDataLakeConnector","displayName":"C","fileFormat":{"code":"schoolDataSyncV1"}}`, "'sourceSystem' is required"},
		{"unknown file format", http.MethodPost, dataConnectorsPath, `{"@odata.type":"#microsoft.graph.industryData.azureDataLakeConnector","displayName":"C",` + bind + `,"fileFormat":{"code":"csv"}}`, "'csv' is not a valid member"},
		{"source system is create-only", http.MethodPatch, item, `{` + bind + `}`, "cannot be updated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := graphCall(t, s, tt.method, tt.path, tt.body)
			if _, msg := res.graphError(t); res.status != http.StatusBadRequest || !strings.Contains(msg, tt.want) {
				t.Errorf("HTTP %d %q, want 400 with %q", res.status, msg, tt.want)
			}
		})
	}
}

// oneRosterBody is a OneRoster connector's create body with credential.
func oneRosterBody(sourceSystem, credential string) string {
	return `{"@odata.type":"#microsoft.graph.industryData.oneRosterApiDataConnector","displayName":"API",` +
		`"sourceSystem@odata.bind":"external/industryData/sourceSystems/` + sourceSystem + `",` +
		`"apiFormat":"oneRoster","baseUrl":"https://sis.example.com/ims/oneroster/v1p1","apiVersion":"1.1",` +
		`"isDemographicsEnabled":false,"isFlagsEnabled":true,"isContactsEnabled":false,"credential":` + credential + `}`
}

// The client secret is accepted and never returned, on create, GET and list.
func TestConnectors_clientSecretIsWriteOnly(t *testing.T) {
	s := newTestServer(t, Options{})
	sis := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	res := graphCall(t, s, http.MethodPost, dataConnectorsPath, oneRosterBody(sis,
		`{"@odata.type":"#microsoft.graph.industryData.oAuth2ClientCredential","clientId":"app","clientSecret":"s3cret","tokenUrl":"https://sis.example.com/token"}`))
	if res.status != http.StatusCreated {
		t.Fatalf("create: HTTP %d %s", res.status, res.body)
	}
	id := res.object(t)["id"].(string)
	for _, r := range []response{res, graphCall(t, s, http.MethodGet, dataConnectorsPath+"/"+id, ""), graphCall(t, s, http.MethodGet, dataConnectorsPath, "")} {
		if strings.Contains(string(r.body), "s3cret") || strings.Contains(string(r.body), "clientSecret") || !strings.Contains(string(r.body), `"clientId":"app"`) {
			t.Errorf("answer shows the secret or lost the client id: %s", r.body)
		}
	}
}

// Credentials are refused as the service would: abstract, without a
// secret, or with the read-only validity set.
func TestConnectors_credentialRefusals(t *testing.T) {
	s := newTestServer(t, Options{})
	sis := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	tests := []struct{ name, credential, want string }{
		{"abstract credential", `{"clientId":"app","clientSecret":"s"}`, "is abstract"},
		{"no secret", `{"@odata.type":"#microsoft.graph.industryData.oAuth1ClientCredential","clientId":"app"}`, "'credential.clientSecret' is required"},
		{"validity is read-only", `{"@odata.type":"#microsoft.graph.industryData.oAuth1ClientCredential","clientId":"app","clientSecret":"s","isValid":true}`, "read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := graphCall(t, s, http.MethodPost, dataConnectorsPath, oneRosterBody(sis, tt.credential))
			if _, msg := res.graphError(t); res.status != http.StatusBadRequest || !strings.Contains(msg, tt.want) {
				t.Errorf("HTTP %d %q, want 400 with %q", res.status, msg, tt.want)
			}
		})
	}
}

// validate answers 202 with the Location of a fileValidateOperation, which
// progresses with the clock and, once finished, reports the outcome set
// (errors included, even with status succeeded).
func TestConnectors_validate(t *testing.T) {
	s, clock := sampleServer(t, Options{OperationDelay: 10 * time.Second})
	sis := createSourceSystem(t, s, `{"displayName":"SIS"}`)
	id := graphCall(t, s, http.MethodPost, dataConnectorsPath, dataLakeBody(s, sis)).object(t)["id"].(string)
	s.SetValidationOutcome(ValidationOutcome{Errors: []PublicError{{Code: "RequiredFileNotFound", Message: "orgs.csv"}}, ValidatedFiles: []string{"users.csv"}})
	res := graphCall(t, s, http.MethodPost, dataConnectorsPath+"/"+id+"/microsoft.graph.industryData.validate", "")
	location := res.header.Get("Location")
	if res.status != http.StatusAccepted || len(res.body) != 0 || !strings.Contains(location, "/operations/") {
		t.Fatalf("validate: HTTP %d, Location %q, body %q", res.status, location, res.body)
	}
	opPath := "/external/industryData/operations/" + location[strings.LastIndex(location, "/")+1:]
	if op := graphCall(t, s, http.MethodGet, opPath, "").object(t); op["status"] != "notStarted" || len(op["errors"].([]any)) != 0 {
		t.Errorf("at once: %v", op)
	}
	clock.Advance(10 * time.Second)
	op := graphCall(t, s, http.MethodGet, opPath, "").object(t)
	if op["status"] != "succeeded" || op["@odata.type"] != "#microsoft.graph.industryData.fileValidateOperation" ||
		len(op["errors"].([]any)) != 1 || op["validatedFiles"].([]any)[0] != "users.csv" {
		t.Errorf("after 10 s: %v", op)
	}
	if res := graphCall(t, s, http.MethodPost, dataConnectorsPath+"/"+newGUID()+"/validate", ""); res.status != http.StatusNotFound {
		t.Errorf("validate of a missing connector: HTTP %d", res.status)
	}
}
