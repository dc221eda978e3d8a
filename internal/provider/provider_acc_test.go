package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const anyRunID = "00000000-0000-0000-0000-000000000001"

func readRunConfig(providerBlock string) string {
	return providerBlock + `
data "industrydata_run" "test" {
  id = "` + anyRunID + `"
}
`
}

// Plain http to a host that is not loopback would send tokens in clear text:
// it is a configuration error, raised before any request.
func TestAccProvider_httpEndpointOffLoopbackRejected(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			// The credentials point at the fake's token endpoint: had the
			// provider gone ahead, its first step would be a token request there.
			Config: readRunConfig(`
provider "industrydata" {
  graph_endpoint = "http://graph.example.com/beta"
  authority_host = "` + fake.URL() + `/"
  tenant_id      = "` + fake.TenantID() + `"
  client_id      = "` + fake.ClientID() + `"
  client_secret  = "` + fake.ClientSecret() + `"
}
`),
			ExpectError: regexp.MustCompile(`(?s)Invalid graph_endpoint.*http://graph.example.com/beta.*not loopback`),
		}},
	})
	if n := len(fake.Requests()); n != 0 {
		t.Errorf("expected no request at all, the fake saw %d:\n%s", n, acctest.DescribeRequests(fake))
	}
}

// A token Graph does not accept surfaces as HTTP 401 with Graph's code and
// the request id to quote.
func TestAccProvider_badTokenNamesStatusCodeAndRequestID(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      readRunConfig(acctest.ProviderBlockWith(fake, map[string]string{"access_token": "not-a-token-the-fake-issued"})),
			ExpectError: regexp.MustCompile(`(?s)HTTP 401.*Graph code: InvalidAuthenticationToken.*request-id: [0-9a-f-]{36}`),
		}},
	})
}

// The client-secret flow runs against the fake's token endpoint; a wrong
// secret is reported as an authentication failure, not as a Graph error.
func TestAccProvider_clientSecretAuth(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{{ID: anyRunID, DisplayName: "r", Status: "running"}}})
	wrongSecret := acctest.ProviderBlockWith(fake, map[string]string{
		"tenant_id": fake.TenantID(), "client_id": fake.ClientID(), "client_secret": "wrong-secret",
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{
				Config:      readRunConfig(wrongSecret),
				ExpectError: regexp.MustCompile(`(?s)authentication failed.*with\s+a\s+client\s+secret.*AADSTS7000215.*secret's\s+value\s+\(not\s+its\s+id\)`),
			},
			{
				Config: readRunConfig(acctest.ProviderBlock(fake)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.industrydata_run.test", tfjsonpath.New("display_name"), knownvalue.StringExact("r")),
				},
			},
		},
	})
	var tokenCalls int
	for _, r := range fake.Requests() {
		if r.Method == "POST" && regexp.MustCompile(`/oauth2/v2.0/token$`).MatchString(r.Path) {
			tokenCalls++
		}
	}
	if tokenCalls == 0 {
		t.Errorf("the provider never called the token endpoint")
	}
}

// azuread's environment names are accepted, in any case, and select the same
// cloud: "DoD" asks for a token for the US Government L5 Graph.
func TestAccProvider_azureadEnvironmentNames(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{{ID: anyRunID, DisplayName: "r", Status: "running"}}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: readRunConfig(acctest.ProviderBlockWith(fake, map[string]string{
				"environment": "DoD", "tenant_id": fake.TenantID(), "client_id": fake.ClientID(), "client_secret": fake.ClientSecret(),
			})),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.industrydata_run.test", tfjsonpath.New("display_name"), knownvalue.StringExact("r")),
			},
		}},
	})
	var scopes []string
	for _, r := range fake.Requests() {
		if r.Method == "POST" && regexp.MustCompile(`/oauth2/v2.0/token$`).MatchString(r.Path) {
			scopes = append(scopes, string(r.Body))
		}
	}
	if len(scopes) == 0 || !regexp.MustCompile(`scope=[^&]*dod-graph\.microsoft\.us`).MatchString(scopes[0]) {
		t.Errorf("token requests %q do not ask for the L5 Graph", scopes)
	}
}

// A provider setting that Terraform knows only after apply is reported as
// such, naming the attribute and what to do, before any request.
func TestAccProvider_settingKnownOnlyAfterApply(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "secret" {
  input = "` + fake.ClientSecret() + `"
}
` + readRunConfig(`
provider "industrydata" {
  graph_endpoint = "`+fake.GraphURL()+`"
  authority_host = "`+fake.URL()+`/"
  tenant_id      = "`+fake.TenantID()+`"
  client_id      = "`+fake.ClientID()+`"
  client_secret  = terraform_data.secret.output
}
`),
			ExpectError: regexp.MustCompile(`(?s)Provider setting not known until apply.*client_secret.*known\s+at\s+plan\s+time.*environment\s+variable`),
		}},
	})
	if n := len(fake.Requests()); n != 0 {
		t.Errorf("expected no request at all, the fake saw %d:\n%s", n, acctest.DescribeRequests(fake))
	}
}
