package connector_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The data source lists connectors of both types across pages (the fake
// pages by 3), each with its type and the attributes of its type.
func TestAccDataConnectors_listsBothTypesOnEveryPage(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	bind := "external/industryData/sourceSystems/" + sisID
	var want []knownvalue.Check
	for i := 1; i <= 3; i++ {
		id := fmt.Sprintf("5c1f9a52-3f4e-4b7e-9d3c-00000000000%d", i)
		fake.PutEntity(fakegraph.DataConnectors, map[string]any{
			"@odata.type": "#microsoft.graph.industryData.azureDataLakeConnector", "id": id, "displayName": fmt.Sprint("CSV ", i),
			"sourceSystem@odata.bind": bind, "fileFormat": map[string]any{"code": "schoolDataSyncV1"},
		})
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact(fmt.Sprint("CSV ", i)),
			"type": knownvalue.StringExact("azureDataLakeConnector"), "file_format": knownvalue.StringExact("schoolDataSyncV1"),
			"base_url": knownvalue.Null(), "api_version": knownvalue.Null(),
		}))
	}
	const apiID = "5c1f9a52-3f4e-4b7e-9d3c-000000000004"
	fake.PutEntity(fakegraph.DataConnectors, map[string]any{
		"@odata.type": "#microsoft.graph.industryData.oneRosterApiDataConnector", "id": apiID, "displayName": "API",
		"sourceSystem@odata.bind": bind, "apiFormat": "oneRoster", "baseUrl": "https://sis.example.com/ims/oneroster/v1p1", "apiVersion": "1.1",
		"isDemographicsEnabled": false, "isFlagsEnabled": false, "isContactsEnabled": false,
		"credential": map[string]any{"@odata.type": "#microsoft.graph.industryData.oAuth1ClientCredential", "clientId": "app", "clientSecret": "s3cret"},
	})
	want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(apiID), "display_name": knownvalue.StringExact("API"),
		"type": knownvalue.StringExact("oneRosterApiDataConnector"), "file_format": knownvalue.Null(),
		"base_url": knownvalue.StringExact("https://sis.example.com/ims/oneroster/v1p1"), "api_version": knownvalue.StringExact("1.1"),
	}))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, `data "industrydata_data_connectors" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The order is Graph's to choose: compare as a set.
				statecheck.ExpectKnownValue("data.industrydata_data_connectors.all", tfjsonpath.New("data_connectors"), knownvalue.SetExact(want)),
				acctest.ExpectRequests(fake, "GET /dataConnectors", "GET /dataConnectors"),
			},
		}},
	})
}
