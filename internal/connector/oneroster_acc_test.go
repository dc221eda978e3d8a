package connector_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const oneRoster = "industrydata_oneroster_api_connector.api"

const oneRosterType = "#microsoft.graph.industryData.oneRosterApiDataConnector"

// oneRosterConfig is a OneRoster connector with an OAuth 2.0 credential:
// name, source system, base URL, client secret.
const oneRosterConfig = `
resource "industrydata_oneroster_api_connector" "api" {
  display_name            = %q
  source_system_id        = %q
  base_url                = %q
  api_version             = "1.1"
  is_demographics_enabled = false
  is_flags_enabled        = true
  is_contacts_enabled     = false

  oauth2 {
    client_id     = "app"
    client_secret = %q
    token_url     = "https://sis.example.com/token"
  }
}
`

const baseURL = "https://sis.example.com/ims/oneroster/v1p1"

func oneRosterWith(fake *fakegraph.Server, name, sourceSystem, url, secret string) string {
	return acctest.Config(fake, oneRosterConfig, name, sourceSystem, url, secret)
}

// credential is the credential body Graph receives with secret.
func credential(secret string) map[string]any {
	return map[string]any{
		"@odata.type": "#microsoft.graph.industryData.oAuth2ClientCredential",
		"clientId":    "app", "clientSecret": secret, "tokenUrl": "https://sis.example.com/token",
	}
}

// Create sends one POST with every attribute, apiFormat oneRoster and the
// secret; Graph never returns the secret, yet the next plan is empty.
func TestAccOneRosterConnector_create(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "POST /dataConnectors"),
				acctest.ExpectBodies(fake, "POST", map[string]any{
					"@odata.type": oneRosterType, "displayName": "SIS API",
					"sourceSystem@odata.bind": fake.GraphURL() + "/external/industryData/sourceSystems/" + sisID,
					"apiFormat":               "oneRoster", "baseUrl": baseURL, "apiVersion": "1.1",
					"isDemographicsEnabled": false, "isFlagsEnabled": true, "isContactsEnabled": false,
					"credential": credential("s3cret-1"),
				}),
				statecheck.ExpectKnownValue(oneRoster, tfjsonpath.New("oauth2").AtMapKey("client_id"), knownvalue.StringExact("app")),
				statecheck.ExpectKnownValue(oneRoster, tfjsonpath.New("credential_is_valid"), knownvalue.Null()),
				statecheck.ExpectKnownValue(oneRoster, tfjsonpath.New("credential_last_valid_date_time"), knownvalue.Null()),
			},
		}},
	})
}

// A change of something else sends one PATCH without the credential.
func TestAccOneRosterConnector_updatePatchesOnlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.UpdateSteps(fake, oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"),
			oneRosterWith(fake, "SIS API", sisID, "https://sis.example.com/ims/oneroster/v1p2", "s3cret-1"), oneRoster, fakegraph.DataConnectors,
			map[string]any{"@odata.type": oneRosterType, "baseUrl": "https://sis.example.com/ims/oneroster/v1p2"}),
	})
}

// A new secret sends exactly one PATCH, carrying the whole credential.
func TestAccOneRosterConnector_newSecretSendsTheCredentialOnce(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.UpdateSteps(fake, oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"),
			oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-2"), oneRoster, fakegraph.DataConnectors,
			map[string]any{"@odata.type": oneRosterType, "credential": credential("s3cret-2")}),
	})
}

// The source system cannot be patched: changing it replaces the connector.
func TestAccOneRosterConnector_newSourceSystemReplaces(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.ReplaceSteps(fake, oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"),
			oneRosterWith(fake, "SIS API", otherSisID, baseURL, "s3cret-1"), oneRoster, fakegraph.DataConnectors),
	})
}

// Import by command reads everything but the secret, which Graph never
// returns: the imported state equals the created one but for it.
func TestAccOneRosterConnector_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    acctest.ImportSteps(oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"), oneRoster, "oauth2.client_secret")[:2],
	})
}

// An import block adopts a connector made in the portal: the plan imports
// it and updates only the secret (Graph never returns it), whose apply
// sends the credential once; then nothing is left to change.
func TestAccOneRosterConnector_importBlockSendsTheSecretOnce(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	const id = "5c1f9a52-3f4e-4b7e-9d3c-0000000000c1"
	fake.PutEntity(fakegraph.DataConnectors, map[string]any{
		"@odata.type": oneRosterType, "id": id, "displayName": "SIS API",
		"sourceSystem@odata.bind": "external/industryData/sourceSystems/" + sisID,
		"apiFormat":               "oneRoster", "baseUrl": baseURL, "apiVersion": "1.1",
		"isDemographicsEnabled": false, "isFlagsEnabled": true, "isContactsEnabled": false,
		"credential": credential("set-in-the-portal"),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1") + "import {\n  to = " + oneRoster + "\n  id = \"" + id + "\"\n}\n",
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(oneRoster, plancheck.ResourceActionUpdate),
					plancheck.ExpectSensitiveValue(oneRoster, tfjsonpath.New("oauth2").AtMapKey("client_secret")),
				},
				PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, "PATCH /dataConnectors/"+id),
				acctest.ExpectPatchBodies(fake, map[string]any{"@odata.type": oneRosterType, "credential": credential("s3cret-1")}),
				statecheck.ExpectKnownValue(oneRoster, tfjsonpath.New("source_system_id"), knownvalue.StringExact(sisID)),
			},
		}},
	})
}

// A base URL changed in the portal shows in the next plan and is put back;
// the secret, which Graph never returns, is not drift.
func TestAccOneRosterConnector_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DriftSteps(fake, oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"), oneRoster, func() {
			fake.SetEntityProperty(fakegraph.DataConnectors, acctest.OnlyID(fake, fakegraph.DataConnectors), "baseUrl", "https://other.example.com/")
		}, map[string]any{"@odata.type": oneRosterType, "baseUrl": baseURL}),
	})
}

// A connector deleted outside Terraform is planned for creation again.
func TestAccOneRosterConnector_deletedOutsideIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DeletedOutsideSteps(oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1"), oneRoster, func() {
			fake.DeleteEntity(fakegraph.DataConnectors, acctest.OnlyID(fake, fakegraph.DataConnectors))
		}),
	})
}

// Destroy sends one DELETE and leaves nothing in Graph.
func TestAccOneRosterConnector_destroy(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    []resource.TestStep{{Config: oneRosterWith(fake, "SIS API", sisID, baseURL, "s3cret-1")}},
		CheckDestroy:             acctest.CheckDestroyed(fake, fakegraph.DataConnectors),
	})
}

// Bad input fails at validation or plan time, naming the attribute, the
// value and what is allowed, before any request.
func TestAccOneRosterConnector_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	connector := func(apiVersion, url, credentials string) string {
		return `
resource "industrydata_oneroster_api_connector" "api" {
  display_name            = "SIS API"
  source_system_id        = "` + sisID + `"
  base_url                = "` + url + `"
  api_version             = "` + apiVersion + `"
  is_demographics_enabled = false
  is_flags_enabled        = false
  is_contacts_enabled     = false
` + credentials + `
}
`
	}
	const oauth1 = `  oauth1 {
    client_id     = "app"
    client_secret = "s"
  }
`
	tests := []struct{ name, hcl, want string }{
		{"plain http base URL", connector("1.1", "http://sis.example.com/", oauth1),
			`(?s)Invalid URL.*base_url is "http://sis.example.com/"; it must be an https:// URL`},
		{"unknown API version", connector("2.0", baseURL, oauth1),
			`(?s)api_version\s+value\s+must\s+be\s+one\s+of:\s+\["1.1"\s+"1.2"\],\s+got:\s+"2.0"`},
		{"no credential", connector("1.1", baseURL, ""), `(?s)Exactly one credential block.*has\s+neither`},
		{"two credentials", connector("1.1", baseURL, oauth1+`  oauth2 {
    client_id     = "app"
    client_secret = "s"
    token_url     = "https://sis.example.com/token"
  }
`), `(?s)Exactly one credential block.*has\s+both`},
		{"oauth2 without token URL", connector("1.1", baseURL, `  oauth2 {
    client_id     = "app"
    client_secret = "s"
  }
`), `(?s)Missing token_url`},
		{"no secret", connector("1.1", baseURL, `  oauth1 {
    client_id = "app"
  }
`), `(?s)Exactly one client secret.*needs exactly one of client_secret and\s+client_secret_wo`},
		{"token URL not https", connector("1.1", baseURL, `  oauth2 {
    client_id     = "app"
    client_secret = "s"
    token_url     = "sis.example.com/token"
  }
`), `(?s)Invalid URL.*token_url is "sis.example.com/token"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    []resource.TestStep{{Config: acctest.Config(fake, tt.hcl), ExpectError: regexp.MustCompile(tt.want)}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
}

// secretNotIn checks that no resource in state holds secret anywhere.
func secretNotIn(secret string) statecheck.StateCheck {
	return acctest.CheckResources(func(resources []acctest.StateResource) error {
		for _, r := range resources {
			if strings.Contains(fmt.Sprint(r.Values), secret) {
				return fmt.Errorf("the state of %s holds the write-only secret", r.Address)
			}
		}
		return nil
	})
}

// oneRosterWriteOnly is a OneRoster connector whose secret is write-only.
const oneRosterWriteOnly = `
resource "industrydata_oneroster_api_connector" "api" {
  display_name            = "SIS API"
  source_system_id        = %q
  base_url                = %q
  api_version             = "1.2"
  is_demographics_enabled = true
  is_flags_enabled        = true
  is_contacts_enabled     = true

  oauth1 {
    client_id                = "app"
    client_secret_wo         = %q
    client_secret_wo_version = %d
  }
}
`

// With OpenTofu (which has write-only attributes) client_secret_wo is sent
// on create and when its version changes, and is never in state; a new
// value under the same version sends nothing. Terraform 1.8 has no
// write-only attributes: there the attribute is refused before any request.
func TestAccOneRosterConnector_writeOnlySecret(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	config := func(secret string, version int) string {
		return acctest.Config(fake, oneRosterWriteOnly, sisID, baseURL, secret, version)
	}
	oauth1 := func(secret string) map[string]any {
		return map[string]any{"@odata.type": "#microsoft.graph.industryData.oAuth1ClientCredential", "clientId": "app", "clientSecret": secret}
	}
	if !acctest.IsOpenTofu() {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: []resource.TestStep{{
				Config:      config("wo-secret-1", 1),
				ExpectError: regexp.MustCompile(`(?s)WriteOnly Attribute Not Allowed.*client_secret_wo`),
			}},
		})
		acctest.ExpectNoRequests(t, fake)
		return
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{
				Config:           config("wo-secret-1", 1),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequestShapes(fake, "POST /dataConnectors"),
					acctest.ExpectBodies(fake, "POST", map[string]any{
						"@odata.type": oneRosterType, "displayName": "SIS API",
						"sourceSystem@odata.bind": fake.GraphURL() + "/external/industryData/sourceSystems/" + sisID,
						"apiFormat":               "oneRoster", "baseUrl": baseURL, "apiVersion": "1.2",
						"isDemographicsEnabled": true, "isFlagsEnabled": true, "isContactsEnabled": true,
						"credential": oauth1("wo-secret-1"),
					}),
					secretNotIn("wo-secret-1"),
					statecheck.ExpectKnownValue(oneRoster, tfjsonpath.New("oauth1").AtMapKey("client_secret_wo"), knownvalue.Null()),
				},
			},
			{
				// A new value under the same version: nothing to send.
				PreConfig:         fake.ResetRequests,
				Config:            config("wo-secret-2", 1),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWrites(fake)},
			},
			{
				PreConfig: fake.ResetRequests,
				Config:    config("wo-secret-3", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(oneRoster, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequestShapes(fake, "GET /dataConnectors/{id}", "PATCH /dataConnectors/{id}", "GET /dataConnectors/{id}"),
					acctest.ExpectPatchBodies(fake, map[string]any{"@odata.type": oneRosterType, "credential": oauth1("wo-secret-3")}),
					secretNotIn("wo-secret-3"),
				},
			},
		},
	})
}
