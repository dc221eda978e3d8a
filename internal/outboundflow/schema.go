package outboundflow

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// The values Graph documents for the flows' enumerations.
var (
	userAttributes       = []string{"userGradeLevel", "userNumber"}
	studentAgeGroups     = []string{"minor", "notAdult", "adult"}
	classGroupAttributes = []string{
		"courseTitle", "courseCode", "courseSubject", "courseGradeLevel", "courseExternalId",
		"academicSessionTitle", "academicSessionExternalId", "classCode",
	}
	roleGroupIDs = []string{"staff", "students"}
)

func resourceSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "A School Data Sync outbound provisioning flow set (`outboundProvisioningFlowSet`): which schools are " +
			"provisioned into Microsoft 365 and Microsoft Entra ID, with at most one provisioning flow of each type " +
			"(users, class groups, security groups, administrative units), each a child object in Graph.",
		Attributes: map[string]schema.Attribute{
			// Required
			"display_name": schema.StringAttribute{
				Required: true, MarkdownDescription: "Name of the flow set.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			// Optional
			"filter": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "The schools the set applies to (Graph's `basicFilter` on `orgExternalId`); unset, every school in the inbound data.",
				Attributes: map[string]schema.Attribute{
					"org_external_ids": schema.ListAttribute{
						Required: true, ElementType: types.StringType,
						MarkdownDescription: "External ids of the schools (organizations), as the source system names them.",
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
						},
					},
				},
			},
			"user_flow":                userFlowAttribute(),
			"class_group_flow":         classGroupFlowAttribute(),
			"security_group_flow":      securityGroupFlowAttribute(),
			"administrative_unit_flow": administrativeUnitFlowAttribute(),
			"reset_triggers": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Any values; when they change, the apply calls Graph's `reset` on every flow the set held before " +
					"the apply (and still holds): School Data Sync reprovisions everything those flows cover as on a first run and " +
					"clears their errors. Nothing else ever resets a flow.",
			},
			// Computed
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Id Graph gave the flow set (a GUID).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_date_time": schema.StringAttribute{
				Computed: true, MarkdownDescription: "When the flow set was created (RFC 3339, UTC).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_date_time": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "When the flow set was last changed (RFC 3339, UTC). Known after apply when `display_name` or " +
					"`filter` change; kept otherwise.",
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// flowAttributes are every flow's computed attributes and its own.
func flowAttributes(own map[string]schema.Attribute) map[string]schema.Attribute {
	// Kept in the plan by ModifyPlan while the flow exists (UseStateForUnknown
	// would plan the null of a flow being added).
	own["id"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Id Graph gave the flow (a GUID)."}
	own["readiness_status"] = schema.StringAttribute{
		Computed: true,
		MarkdownDescription: "Whether the flow is ready, as Graph sets it: `notReady` (a new flow), `ready`, `failed`, `disabled`, " +
			"`expired` or `unknownFutureValue`. Kept in the plan while the flow does not change; known after apply when it does " +
			"(Graph does not say whether an update changes it).",
	}
	return own
}

func flag(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), MarkdownDescription: desc + " Default `false`."}
}

// oneOfList is an optional list of values from allowed, empty by default.
func oneOfList(desc string, allowed []string) schema.ListAttribute {
	return schema.ListAttribute{
		Optional: true, Computed: true, ElementType: types.StringType,
		Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
		MarkdownDescription: desc + " Default none.",
		Validators:          []validator.List{listvalidator.ValueStringsAre(stringvalidator.OneOf(allowed...)), listvalidator.UniqueValues()},
	}
}

func userFlowAttribute() schema.SingleNestedAttribute {
	config := lifecycle.SecretAttributes("default_password",
		"Initial password of the users created for the role group. Graph answers it masked: it is kept in state from the "+
			"configuration (Terraform stores sensitive values there), a change made outside Terraform is not seen, and a "+
			"change here sends the flow's creation options again. At most one of `default_password` and `default_password_wo`.",
		"The initial password as a write-only value, never stored in plan or state. Needs a CLI that supports write-only "+
			"attributes (OpenTofu 1.12 and Terraform 1.11 or later; not Terraform 1.8). It is sent on create and whenever "+
			"`default_password_wo_version` changes.")
	config["role_group_id"] = schema.StringAttribute{
		Required: true,
		MarkdownDescription: "Role group of the users this configuration creates: `staff` or `students` (see the " +
			"`industrydata_role_groups` data source). Graph does not return it: it is kept from the configuration, and read by " +
			"position after an import.",
		Validators: []validator.String{stringvalidator.OneOf(roleGroupIDs...)},
	}
	config["license_skus"] = schema.ListAttribute{
		Optional: true, Computed: true, ElementType: types.StringType,
		Default:             listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
		MarkdownDescription: "License SKUs assigned to the users created. Default none.",
		Validators:          []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The set's user provisioning flow (`userProvisioningFlow`): matching and creating Microsoft 365 users. " +
			"Adding, changing or removing it sends one POST, PATCH or DELETE of this flow only.",
		Attributes: flowAttributes(map[string]schema.Attribute{
			"create_unmatched_users": schema.BoolAttribute{Required: true, MarkdownDescription: "Whether users the source has but the tenant lacks are created."},
			"creation_configurations": schema.ListNestedAttribute{
				Optional: true, MarkdownDescription: "How users are created, per role group (each role group at most once).",
				NestedObject: schema.NestedAttributeObject{Attributes: config},
			},
			"management_options": schema.SingleNestedAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "How users are managed. Unset: no additional attributes, no student contact association, no age rule.",
				Default:             managementDefault,
				Attributes: map[string]schema.Attribute{
					"additional_attributes":             oneOfList("Additional user attributes to write: `userGradeLevel`, `userNumber`.", userAttributes),
					"allow_student_contact_association": flag("Whether students may be associated with their contacts."),
					"student_age_group": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "Age group all students are marked with: `minor`, `notAdult` or `adult`; unset, no age rule. " +
							"(Graph's deprecated `markAllStudentsAsMinors` is not offered; use `minor`.)",
						Validators: []validator.String{stringvalidator.OneOf(studentAgeGroups...)},
					},
				},
			},
		}),
	}
}

func classGroupFlowAttribute() schema.SingleNestedAttribute {
	roles := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{
			Optional: true, Computed: true, ElementType: types.StringType,
			Default: listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
			MarkdownDescription: desc + " Section role codes, e.g. `teacher`, `teacherAssistant`, `paraProfessional`, `student`. " +
				"Graph may answer a code in another case (`paraprofessional`); codes are compared as Graph compares them, " +
				"without case, and state keeps your spelling. Default none.",
			Validators:    []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			PlanModifiers: []planmodifier.List{keepStateWhenSameCodes{}},
		}
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The set's class group provisioning flow (`classGroupProvisioningFlow`): Microsoft 365 groups (and " +
			"optionally Teams) for classes. Adding, changing or removing it sends one POST, PATCH or DELETE of this flow only.",
		Attributes: flowAttributes(map[string]schema.Attribute{
			"additional_attributes":             oneOfList("Additional class attributes to write: `"+joinCodes(classGroupAttributes)+"`.", classGroupAttributes),
			"create_team":                       flag("Whether a team is created for each class group."),
			"write_display_name_on_create_only": flag("Whether the group's display name is written only when it is created."),
			"owner_enrollment_roles":            roles("Enrollment roles whose members become owners of the class group."),
			"member_enrollment_roles":           roles("Enrollment roles whose members become members of the class group."),
		}),
	}
}

func securityGroupFlowAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The set's security group provisioning flow (`securityGroupProvisioningFlow`). Adding, changing or " +
			"removing it sends one POST, PATCH or DELETE of this flow only.",
		Attributes: flowAttributes(map[string]schema.Attribute{
			"create_based_on_role_group":          flag("Whether a security group is created per role group."),
			"create_based_on_org_plus_role_group": flag("Whether a security group is created per school and role group."),
		}),
	}
}

func administrativeUnitFlowAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The set's administrative unit provisioning flow (`administrativeUnitProvisioningFlow`). Adding, " +
			"changing or removing it sends one POST, PATCH or DELETE of this flow only.",
		Attributes: flowAttributes(map[string]schema.Attribute{
			"create_based_on_org":                 flag("Whether an administrative unit is created per school."),
			"create_based_on_org_plus_role_group": flag("Whether an administrative unit is created per school and role group."),
		}),
	}
}

func joinCodes(codes []string) string { return strings.Join(codes, "`, `") }
