package outboundflow_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const flowSet = "industrydata_outbound_provisioning_flow_set.schools"

const (
	userType          = "#microsoft.graph.industryData.userProvisioningFlow"
	classGroupType    = "#microsoft.graph.industryData.classGroupProvisioningFlow"
	securityGroupType = "#microsoft.graph.industryData.securityGroupProvisioningFlow"
	adminUnitType     = "#microsoft.graph.industryData.administrativeUnitProvisioningFlow"
)

func newFake(t *testing.T) *fakegraph.Server { return acctest.NewFake(t, fakegraph.Options{}) }

// setConfig is a flow set named name with a filter and the given flows
// (HCL attributes of the resource).
func setConfig(fake *fakegraph.Server, name, flows string) string {
	return acctest.Config(fake, `
resource "industrydata_outbound_provisioning_flow_set" "schools" {
  display_name = %q
  filter = {
    org_external_ids = ["school-1", "school-2"]
  }
%s}
`, name, flows)
}

// userFlow is a user flow with one configuration for staff with password.
func userFlow(password string) string {
	return `  user_flow = {
    create_unmatched_users = true
    creation_configurations = [{
      role_group_id    = "staff"
      license_skus     = ["sku-a"]
      default_password = "` + password + `"
    }]
    management_options = {
      additional_attributes = ["userGradeLevel"]
      student_age_group     = "minor"
    }
  }
`
}

const securityGroupFlow = `  security_group_flow = {
    create_based_on_role_group = true
  }
`

// userFlowBody is what Graph receives for userFlow(password).
func userFlowBody(fake *fakegraph.Server, password string) map[string]any {
	return map[string]any{
		"@odata.type":          userType,
		"createUnmatchedUsers": true,
		"creationOptions": map[string]any{"configurations": []any{map[string]any{
			"roleGroup@odata.bind":    fake.GraphURL() + "/external/industryData/roleGroups/staff",
			"defaultPasswordSettings": map[string]any{"@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", "password": password},
			"licenseSkus":             []any{"sku-a"},
		}}},
		"managementOptions": map[string]any{
			"additionalAttributes": []any{"userGradeLevel"},
			"additionalOptions":    map[string]any{"allowStudentContactAssociation": false, "studentAgeGroup": "minor"},
		},
	}
}

func setBody(name string) map[string]any {
	return map[string]any{"displayName": name, "filter": map[string]any{
		"@odata.type": "#microsoft.graph.industryData.basicFilter", "attribute": "orgExternalId", "in": []any{"school-1", "school-2"},
	}}
}

// onlySet is the id of the one flow set the fake holds.
func onlySet(fake *fakegraph.Server) string {
	return acctest.OnlyID(fake, fakegraph.OutboundProvisioningFlowSets)
}

// flowsPath is the path of the only set's flows, as requests show it.
const flowsPath = "/outboundProvisioningFlowSets/{id}/provisioningFlows"

// Create sends one POST of the set, then one POST per flow under it; Graph
// answers the password masked, yet the next plan is empty.
func TestAccOutboundFlowSet_createWithUserFlow(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           setConfig(fake, "All schools", userFlow("Pa55word!")+securityGroupFlow),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "POST /outboundProvisioningFlowSets", "POST "+flowsPath, "POST "+flowsPath),
				acctest.ExpectBodies(fake, "POST", setBody("All schools"), userFlowBody(fake, "Pa55word!"), map[string]any{
					"@odata.type":     securityGroupType,
					"creationOptions": map[string]any{"createBasedOnRoleGroup": true, "createBasedOnOrgPlusRoleGroup": false},
				}),
				statecheck.ExpectKnownValue(flowSet, tfjsonpath.New("user_flow").AtMapKey("readiness_status"), knownvalue.StringExact("notReady")),
				statecheck.ExpectKnownValue(flowSet, tfjsonpath.New("user_flow").AtMapKey("creation_configurations").AtSliceIndex(0).AtMapKey("default_password"),
					knownvalue.StringExact("Pa55word!")),
				statecheck.ExpectKnownValue(flowSet, tfjsonpath.New("class_group_flow"), knownvalue.Null()),
			},
		}},
	})
}

// Changing one flow sends one PATCH of that flow only, with its type and
// the one property that changed; the plan shows no other flow changing.
func TestAccOutboundFlowSet_changingOneFlowPatchesOnlyIt(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: setConfig(fake, "All schools", userFlow("Pa55word!")+securityGroupFlow)},
			{
				PreConfig: fake.ResetRequests,
				Config: setConfig(fake, "All schools", userFlow("Pa55word!")+`  security_group_flow = {
    create_based_on_role_group          = true
    create_based_on_org_plus_role_group = true
  }
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(flowSet, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("user_flow").AtMapKey("readiness_status"), knownvalue.StringExact("notReady")),
						plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("last_modified_date_time"), knownvalue.NotNull()),
						plancheck.ExpectUnknownValue(flowSet, tfjsonpath.New("security_group_flow").AtMapKey("readiness_status")),
					},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequestShapes(fake, "GET /outboundProvisioningFlowSets/{id}", "GET "+flowsPath,
						"PATCH "+flowsPath+"/{id}", "GET "+flowsPath+"/{id}"),
					acctest.ExpectPatchBodies(fake, map[string]any{
						"@odata.type":     securityGroupType,
						"creationOptions": map[string]any{"createBasedOnRoleGroup": true, "createBasedOnOrgPlusRoleGroup": true},
					}),
				},
			},
		},
	})
}

// classGroupFlow owns with teacher and paraProfessional (which Graph
// answers as paraprofessional).
func classGroupFlow(paraProfessional string) string {
	return `  class_group_flow = {
    additional_attributes  = ["courseTitle", "classCode"]
    create_team            = true
    owner_enrollment_roles = ["teacher", "` + paraProfessional + `"]
    member_enrollment_roles = ["student"]
  }
`
}

// Graph answers paraProfessional as paraprofessional: state keeps the
// configured spelling, refreshing shows no drift, and respelling the code
// in configuration plans nothing.
func TestAccOutboundFlowSet_enrollmentRolesCompareWithoutCase(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	roles := tfjsonpath.New("class_group_flow").AtMapKey("owner_enrollment_roles")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{
				Config:           setConfig(fake, "All schools", classGroupFlow("paraProfessional")),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectBodies(fake, "POST", setBody("All schools"), map[string]any{
						"@odata.type": classGroupType,
						"configuration": map[string]any{
							"additionalAttributes": []any{"courseTitle", "classCode"},
							"additionalOptions":    map[string]any{"createTeam": true, "writeDisplayNameOnCreateOnly": false},
							"enrollmentMappings": map[string]any{
								"ownerEnrollmentMappings":  []any{map[string]any{"code": "teacher"}, map[string]any{"code": "paraProfessional"}},
								"memberEnrollmentMappings": []any{map[string]any{"code": "student"}},
							},
						},
					}),
					statecheck.ExpectKnownValue(flowSet, roles, knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("teacher"), knownvalue.StringExact("paraProfessional"),
					})),
				},
			},
			{
				PreConfig:         fake.ResetRequests,
				Config:            setConfig(fake, "All schools", classGroupFlow("PARAPROFESSIONAL")),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWrites(fake)},
			},
		},
	})
}

// A flow added to the configuration is one POST under the set; removed,
// one DELETE of it; the set itself is not written.
func TestAccOutboundFlowSet_addingAndRemovingAFlow(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	const adminUnits = `  administrative_unit_flow = {
    create_based_on_org = true
  }
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: setConfig(fake, "All schools", securityGroupFlow)},
			{
				PreConfig: fake.ResetRequests,
				Config:    setConfig(fake, "All schools", securityGroupFlow+adminUnits),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("security_group_flow").AtMapKey("readiness_status"), knownvalue.StringExact("notReady")),
						plancheck.ExpectUnknownValue(flowSet, tfjsonpath.New("administrative_unit_flow").AtMapKey("id")),
					},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectWriteShapes(fake, "POST "+flowsPath),
					acctest.ExpectBodies(fake, "POST", map[string]any{
						"@odata.type":     adminUnitType,
						"creationOptions": map[string]any{"createBasedOnOrg": true, "createBasedOnOrgPlusRoleGroup": false},
					}),
				},
			},
			{
				PreConfig:        fake.ResetRequests,
				Config:           setConfig(fake, "All schools", adminUnits),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequestShapes(fake, "GET /outboundProvisioningFlowSets/{id}", "GET "+flowsPath, "DELETE "+flowsPath+"/{id}"),
					statecheck.ExpectKnownValue(flowSet, tfjsonpath.New("security_group_flow"), knownvalue.Null()),
				},
			},
		},
	})
}

// A change of the set's own attributes is one PATCH of the set with only
// what changed; its flows are not written and keep their plan values.
func TestAccOutboundFlowSet_renamePatchesOnlyTheSet(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: setConfig(fake, "All schools", securityGroupFlow)},
			{
				PreConfig: fake.ResetRequests,
				Config:    setConfig(fake, "Two schools", securityGroupFlow),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("security_group_flow").AtMapKey("readiness_status"), knownvalue.StringExact("notReady")),
						plancheck.ExpectUnknownValue(flowSet, tfjsonpath.New("last_modified_date_time")),
					},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequestShapes(fake, "GET /outboundProvisioningFlowSets/{id}", "GET "+flowsPath,
						"PATCH /outboundProvisioningFlowSets/{id}", "GET /outboundProvisioningFlowSets/{id}"),
					acctest.ExpectPatchBodies(fake, map[string]any{"displayName": "Two schools"}),
				},
			},
		},
	})
}

// A new default password sends one PATCH of the user flow carrying its
// creation options (Graph replaces them whole).
func TestAccOutboundFlowSet_newPasswordIsSentOnce(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	creation := userFlowBody(fake, "New-pa55word!")["creationOptions"]
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: setConfig(fake, "All schools", userFlow("Pa55word!"))},
			{
				PreConfig: fake.ResetRequests,
				Config:    setConfig(fake, "All schools", userFlow("New-pa55word!")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectSensitiveValue(flowSet, tfjsonpath.New("user_flow").AtMapKey("creation_configurations").AtSliceIndex(0).AtMapKey("default_password")),
					},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectWriteShapes(fake, "PATCH "+flowsPath+"/{id}"),
					acctest.ExpectPatchBodies(fake, map[string]any{"@odata.type": userType, "creationOptions": creation}),
				},
			},
		},
	})
}

// A set without user creation configurations imports whole: by command the
// state equals the created one; by an import block the plan changes nothing.
func TestAccOutboundFlowSet_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.ImportSteps(setConfig(fake, "All schools", classGroupFlow("paraprofessional")+securityGroupFlow+`  user_flow = {
    create_unmatched_users = false
  }
`), flowSet, "reset_triggers"),
	})
}

// Graph returns neither the role group nor the password of a user flow's
// configuration: an import block adopts the set and plans one update of the
// user flow, whose apply sends its creation options once; then nothing is
// left to change.
func TestAccOutboundFlowSet_importBlockSendsTheUserConfigurationOnce(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	const setID = "5c1f9a52-3f4e-4b7e-9d3c-0000000000f1"
	fake.PutEntity(fakegraph.OutboundProvisioningFlowSets, map[string]any{"id": setID, "displayName": "All schools", "filter": setBody("")["filter"]})
	portal := userFlowBody(fake, "set-in-the-portal")
	portal["id"] = "5c1f9a52-3f4e-4b7e-9d3c-0000000000f2"
	portal["readinessStatus"] = "ready"
	fake.PutEntity(fakegraph.ProvisioningFlowsOf(setID), portal)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: setConfig(fake, "All schools", userFlow("Pa55word!")) + "import {\n  to = " + flowSet + "\n  id = \"" + setID + "\"\n}\n",
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(flowSet, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("user_flow").AtMapKey("id"), knownvalue.StringExact(portal["id"].(string))),
				},
				PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, "PATCH /outboundProvisioningFlowSets/"+setID+"/provisioningFlows/"+portal["id"].(string)),
				acctest.ExpectPatchBodies(fake, map[string]any{"@odata.type": userType, "creationOptions": userFlowBody(fake, "Pa55word!")["creationOptions"]}),
			},
		}},
	})
}

// A flow changed in the portal shows in the next plan and is put back with
// one PATCH of it; the masked password is never drift.
func TestAccOutboundFlowSet_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	config := setConfig(fake, "All schools", userFlow("Pa55word!"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DriftSteps(fake, config, flowSet, func() {
			set := onlySet(fake)
			fake.SetEntityProperty(fakegraph.ProvisioningFlowsOf(set), acctest.OnlyID(fake, fakegraph.ProvisioningFlowsOf(set)), "createUnmatchedUsers", false)
		}, map[string]any{"@odata.type": userType, "createUnmatchedUsers": true}),
	})
}

// A flow deleted in the portal is planned as an update of the set that
// creates the flow again: one POST of it.
func TestAccOutboundFlowSet_flowDeletedOutsideIsCreatedAgain(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	config := setConfig(fake, "All schools", securityGroupFlow)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					set := onlySet(fake)
					fake.DeleteEntity(fakegraph.ProvisioningFlowsOf(set), acctest.OnlyID(fake, fakegraph.ProvisioningFlowsOf(set)))
					fake.ResetRequests()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(flowSet, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWriteShapes(fake, "POST "+flowsPath)},
			},
		},
	})
}

// A set deleted outside Terraform is planned for creation again.
func TestAccOutboundFlowSet_deletedOutsideIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DeletedOutsideSteps(setConfig(fake, "All schools", securityGroupFlow), flowSet, func() {
			fake.DeleteEntity(fakegraph.OutboundProvisioningFlowSets, onlySet(fake))
		}),
	})
}

// Destroy deletes each flow, then the set, and leaves nothing in Graph.
func TestAccOutboundFlowSet_destroy(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    []resource.TestStep{{Config: setConfig(fake, "All schools", userFlow("Pa55word!")+securityGroupFlow)}},
		CheckDestroy: func(s *terraform.State) error {
			if err := acctest.CheckDestroyed(fake, fakegraph.OutboundProvisioningFlowSets)(s); err != nil {
				return err
			}
			var deletes []string
			for _, w := range acctest.Writes(fake) {
				if strings.HasPrefix(w, "DELETE") {
					deletes = append(deletes, w[:strings.LastIndex(w, "/")])
				}
			}
			if len(deletes) != 3 || deletes[2] != "DELETE /outboundProvisioningFlowSets" ||
				!strings.HasSuffix(deletes[0], "/provisioningFlows") || !strings.HasSuffix(deletes[1], "/provisioningFlows") {
				return fmt.Errorf("deletes %q, want the two flows, then the set", deletes)
			}
			return nil
		},
	})
}

// withTriggers is the set with user and security group flows and
// reset_triggers (HCL map entries).
func withTriggers(fake *fakegraph.Server, triggers string) string {
	return setConfig(fake, "All schools", userFlow("Pa55word!")+securityGroupFlow+"  reset_triggers = {"+triggers+"}\n")
}

// Changing reset_triggers resets each flow the set holds once (the plan
// warns which), and nothing else is written; a flow the same apply adds is
// not reset. Without a change of reset_triggers nothing is ever reset.
func TestAccOutboundFlowSet_resetTriggers(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	threeFlows := setConfig(fake, "All schools", userFlow("Pa55word!")+securityGroupFlow+`  administrative_unit_flow = {
    create_based_on_org = true
  }
  reset_triggers = { term = "summer" }
`)
	resets := func(n int) []string {
		var want []string
		for range n {
			want = append(want, "POST "+flowsPath+"/{id}/microsoft.graph.industryData.reset")
		}
		return want
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{
				Config:            withTriggers(fake, `term = "fall"`),
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWriteShapes(fake, "POST /outboundProvisioningFlowSets", "POST "+flowsPath, "POST "+flowsPath)},
			},
			{
				PreConfig: fake.ResetRequests,
				Config:    withTriggers(fake, `term = "spring"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("user_flow").AtMapKey("readiness_status"), knownvalue.StringExact("notReady")),
						plancheck.ExpectKnownValue(flowSet, tfjsonpath.New("security_group_flow").AtMapKey("readiness_status"), knownvalue.StringExact("notReady")),
					},
					PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWriteShapes(fake, resets(2)...)},
			},
			{
				PreConfig:         fake.ResetRequests,
				Config:            threeFlows,
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWriteShapes(fake, append([]string{"POST " + flowsPath}, resets(2)...)...)},
			},
			{
				PreConfig:         fake.ResetRequests,
				Config:            threeFlows,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWrites(fake)},
			},
		},
	})
}

// The plan of a change of reset_triggers warns which flows the apply
// resets (run with the CLI directly: test steps do not show warnings).
func TestAccOutboundFlowSet_resetTriggersWarnInThePlan(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	fake := newFake(t)
	cli := acctest.NewCLIRun(t, fake)
	cli.WriteConfig(t, acctest.RequiredProviders+withTriggers(fake, `term = "fall"`))
	if out, err := cli.Run(t, nil, "apply", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	cli.WriteConfig(t, acctest.RequiredProviders+withTriggers(fake, `term = "spring"`))
	out, err := cli.Run(t, nil, "plan", "-no-color")
	if err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	for _, want := range []string{"The apply resets provisioning flows", "reset on user_flow", "security_group_flow"} {
		if !strings.Contains(out, want) {
			t.Errorf("the plan does not say %q:\n%s", want, out)
		}
	}
}

// Bad input fails at validation or plan time, naming the attribute, the
// value and what is allowed, before any request.
func TestAccOutboundFlowSet_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	user := func(configurations, management string) string {
		return `  user_flow = {
    create_unmatched_users  = true
    creation_configurations = [` + configurations + `]
` + management + `  }
`
	}
	tests := []struct{ name, flows, want string }{
		{"unknown role group", user(`{ role_group_id = "teachers" }`, ""),
			`(?s)role_group_id\s+value\s+must\s+be\s+one\s+of:\s+\["staff"\s+"students"\],\s+got:\s+"teachers"`},
		{"a role group twice", user(`{ role_group_id = "staff" }, { role_group_id = "staff" }`, ""),
			`(?s)Role group configured twice.*role_group_id "staff" is already configured by\s+creation_configurations\[0\]`},
		{"both passwords", user(`{
      role_group_id               = "staff"
      default_password            = "a"
      default_password_wo         = "b"
      default_password_wo_version = 1
    }`, ""), `(?s)Two default passwords`},
		{"unknown age group", user("", `    management_options = { student_age_group = "child" }
`), `(?s)student_age_group\s+value\s+must\s+be\s+one\s+of:\s+\["minor"\s+"notAdult"\s+"adult"\],\s+got:\s+"child"`},
		{"unknown user attribute", user("", `    management_options = { additional_attributes = ["userEmail"] }
`), `(?s)additional_attributes\[0\]\s+value\s+must\s+be\s+one\s+of:.*"userGradeLevel"\s+"userNumber"\],\s+got:\s+"userEmail"`},
		{"unknown class attribute", `  class_group_flow = { additional_attributes = ["roomNumber"] }
`, `(?s)value\s+must\s+be\s+one\s+of:.*"courseTitle".*got:\s+"roomNumber"`},
		{"empty role code", `  class_group_flow = { owner_enrollment_roles = [""] }
`, `(?s)owner_enrollment_roles\[0\]\s+string\s+length\s+must\s+be\s+at\s+least\s+1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    []resource.TestStep{{Config: setConfig(fake, "All schools", tt.flows), ExpectError: regexp.MustCompile(tt.want)}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
	t.Run("no school in the filter", func(t *testing.T) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: []resource.TestStep{{
				Config: acctest.Config(fake, `
resource "industrydata_outbound_provisioning_flow_set" "schools" {
  display_name = "None"
  filter       = { org_external_ids = [] }
}
`),
				ExpectError: regexp.MustCompile(`(?s)org_external_ids\s+list\s+must\s+contain\s+at\s+least\s+1\s+elements`),
			}},
		})
		acctest.ExpectNoRequests(t, fake)
	})
}

// userFlowWriteOnly is a user flow whose password is write-only.
func userFlowWriteOnly(password string, version int) string {
	return fmt.Sprintf(`  user_flow = {
    create_unmatched_users = true
    creation_configurations = [{
      role_group_id               = "students"
      default_password_wo         = %q
      default_password_wo_version = %d
    }]
  }
`, password, version)
}

// With OpenTofu (which has write-only attributes) default_password_wo is
// sent on create and when its version changes, and is never in state; a new
// value under the same version sends nothing. Terraform 1.8 has no
// write-only attributes: there the attribute is refused before any request.
func TestAccOutboundFlowSet_writeOnlyPassword(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	config := func(password string, version int) string {
		return setConfig(fake, "All schools", userFlowWriteOnly(password, version))
	}
	creation := func(password string) map[string]any {
		return map[string]any{"configurations": []any{map[string]any{
			"roleGroup@odata.bind":    fake.GraphURL() + "/external/industryData/roleGroups/students",
			"defaultPasswordSettings": map[string]any{"@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", "password": password},
			"licenseSkus":             []any{},
		}}}
	}
	if !acctest.IsOpenTofu() {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps:                    []resource.TestStep{{Config: config("wo-1", 1), ExpectError: regexp.MustCompile(`(?s)WriteOnly Attribute Not Allowed.*default_password_wo`)}},
		})
		acctest.ExpectNoRequests(t, fake)
		return
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{
				Config:           config("wo-1", 1),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectBodies(fake, "POST", setBody("All schools"), map[string]any{
						"@odata.type": userType, "createUnmatchedUsers": true, "creationOptions": creation("wo-1"),
						"managementOptions": map[string]any{
							"additionalAttributes": []any{},
							"additionalOptions":    map[string]any{"allowStudentContactAssociation": false, "studentAgeGroup": nil},
						},
					}),
					secretNotInState("wo-1"),
				},
			},
			{
				PreConfig:         fake.ResetRequests,
				Config:            config("wo-2", 1),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWrites(fake)},
			},
			{
				PreConfig:        fake.ResetRequests,
				Config:           config("wo-3", 2),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectWriteShapes(fake, "PATCH "+flowsPath+"/{id}"),
					acctest.ExpectPatchBodies(fake, map[string]any{"@odata.type": userType, "creationOptions": creation("wo-3")}),
					secretNotInState("wo-3"),
				},
			},
		},
	})
}

// secretNotInState checks that no resource in state holds secret anywhere.
func secretNotInState(secret string) statecheck.StateCheck {
	return acctest.CheckResources(func(resources []acctest.StateResource) error {
		for _, r := range resources {
			if strings.Contains(fmt.Sprint(r.Values), secret) {
				return fmt.Errorf("the state of %s holds the write-only password", r.Address)
			}
		}
		return nil
	})
}
