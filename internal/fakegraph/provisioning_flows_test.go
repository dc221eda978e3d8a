package fakegraph

import (
	"net/http"
	"strings"
	"testing"
)

const flowSetsPath = "/external/industryData/outboundProvisioningFlowSets"

// createFlowSet creates a flow set through the API and returns its id.
func createFlowSet(t *testing.T, s *Server) string {
	t.Helper()
	res := graphCall(t, s, http.MethodPost, flowSetsPath, `{"displayName":"Schools","filter":{"@odata.type":"#microsoft.graph.industryData.basicFilter","attribute":"orgExternalId","in":["Demo"]}}`)
	if res.status != http.StatusCreated {
		t.Fatalf("create set: HTTP %d %s", res.status, res.body)
	}
	return res.object(t)["id"].(string)
}

const userFlowBody = `{"@odata.type":"#microsoft.graph.industryData.userProvisioningFlow","createUnmatchedUsers":true,` +
	`"managementOptions":{"additionalAttributes":["userGradeLevel"],"additionalOptions":{"allowStudentContactAssociation":false,"studentAgeGroup":"minor"}},` +
	`"creationOptions":{"configurations":[{"roleGroup@odata.bind":"external/industryData/roleGroups/staff",` +
	`"defaultPasswordSettings":{"@odata.type":"#microsoft.graph.industryData.simplePasswordSettings","password":"Pa55word!"},"licenseSkus":["Sku1"]}]}}`

// A flow is created under its set as notReady; reads answer the password
// masked and without the role group; the flow is listed under its set.
func TestProvisioningFlows_lifecycleMasksThePassword(t *testing.T) {
	s := newTestServer(t, Options{})
	set := createFlowSet(t, s)
	flows := flowSetsPath + "/" + set + "/provisioningFlows"
	res := graphCall(t, s, http.MethodPost, flows, userFlowBody)
	if res.status != http.StatusCreated {
		t.Fatalf("create: HTTP %d %s", res.status, res.body)
	}
	created := res.object(t)
	id := created["id"].(string)
	for _, r := range []response{res, graphCall(t, s, http.MethodGet, flows+"/"+id, ""), graphCall(t, s, http.MethodGet, flows, "")} {
		body := string(r.body)
		if strings.Contains(body, "Pa55word!") || !strings.Contains(body, `"password":"`+maskedSecret+`"`) || strings.Contains(body, "roleGroup") {
			t.Errorf("answer shows the password or the role group: %s", body)
		}
	}
	if created["readinessStatus"] != "notReady" || created["createdDateTime"] == nil {
		t.Errorf("create: %v", created)
	}
	if res := graphCall(t, s, http.MethodPatch, flows+"/"+id, `{"@odata.type":"#microsoft.graph.industryData.userProvisioningFlow","createUnmatchedUsers":false}`); res.status != http.StatusNoContent {
		t.Errorf("PATCH: HTTP %d %s", res.status, res.body)
	}
	if res := graphCall(t, s, http.MethodPost, flows+"/"+id+"/microsoft.graph.industryData.reset", ""); res.status != http.StatusAccepted || len(res.body) != 0 {
		t.Errorf("reset: HTTP %d %s", res.status, res.body)
	}
	if res := graphCall(t, s, http.MethodDelete, flowSetsPath+"/"+set, ""); res.status != http.StatusNoContent {
		t.Fatalf("DELETE set: HTTP %d", res.status)
	}
	if ids := s.EntityIDs(ProvisioningFlowsOf(set)); len(ids) != 0 {
		t.Errorf("flows left after their set was deleted: %v", ids)
	}
}

// Enrollment role codes are stored as the service spells them.
func TestProvisioningFlows_enrollmentCodesNormalized(t *testing.T) {
	s := newTestServer(t, Options{})
	set := createFlowSet(t, s)
	res := graphCall(t, s, http.MethodPost, flowSetsPath+"/"+set+"/provisioningFlows",
		`{"@odata.type":"#microsoft.graph.industryData.classGroupProvisioningFlow","configuration":{"additionalAttributes":["courseTitle"],`+
			`"additionalOptions":{"createTeam":true,"writeDisplayNameOnCreateOnly":false},`+
			`"enrollmentMappings":{"ownerEnrollmentMappings":[{"code":"teacher"},{"code":"paraProfessional"}],"memberEnrollmentMappings":[{"code":"student"}]}}}`)
	if res.status != http.StatusCreated {
		t.Fatalf("create: HTTP %d %s", res.status, res.body)
	}
	if body := string(res.body); !strings.Contains(body, `{"code":"paraprofessional"}`) || !strings.Contains(body, `{"code":"teacher"}`) {
		t.Errorf("codes: %s", body)
	}
}

// What the service refuses of flows, the fake refuses.
func TestProvisioningFlows_refusals(t *testing.T) {
	s := newTestServer(t, Options{})
	set := createFlowSet(t, s)
	flows := flowSetsPath + "/" + set + "/provisioningFlows"
	if res := graphCall(t, s, http.MethodPost, flows, userFlowBody); res.status != http.StatusCreated {
		t.Fatalf("create: HTTP %d %s", res.status, res.body)
	}
	tests := []struct {
		name, path, body string
		status           int
		want             string
	}{
		{"second flow of a type", flows, userFlowBody, http.StatusBadRequest, "no more than one userProvisioningFlow"},
		{"abstract flow", flows, `{"createUnmatchedUsers":true}`, http.StatusBadRequest, "is abstract"},
		{"unknown age group", flows, strings.Replace(userFlowBody, `"minor"`, `"child"`, 1), http.StatusBadRequest, "'child' is not a valid member"},
		{"unknown role group", flowSetsPath + "/" + createFlowSet(t, s) + "/provisioningFlows", strings.Replace(userFlowBody, "roleGroups/staff", "roleGroups/teachers", 1), http.StatusBadRequest, "does not exist"},
		{"no such set", flowSetsPath + "/" + newGUID() + "/provisioningFlows", userFlowBody, http.StatusNotFound, "outboundProvisioningFlowSet"},
		{"filter without its type", flowSetsPath, `{"displayName":"S","filter":{"attribute":"orgExternalId","in":["A"]}}`, http.StatusBadRequest, "is abstract"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := graphCall(t, s, http.MethodPost, tt.path, tt.body)
			if _, msg := res.graphError(t); res.status != tt.status || !strings.Contains(msg, tt.want) {
				t.Errorf("HTTP %d %q, want %d with %q", res.status, msg, tt.status, tt.want)
			}
		})
	}
}
