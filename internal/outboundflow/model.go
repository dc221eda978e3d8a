package outboundflow

import (
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectdefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// setModel mirrors the resource's schema; a nil flow is absent.
type setModel struct {
	ID                     types.String                 `tfsdk:"id"`
	DisplayName            types.String                 `tfsdk:"display_name"`
	Filter                 *filterModel                 `tfsdk:"filter"`
	CreatedDateTime        types.String                 `tfsdk:"created_date_time"`
	LastModifiedDateTime   types.String                 `tfsdk:"last_modified_date_time"`
	UserFlow               *userFlowModel               `tfsdk:"user_flow"`
	ClassGroupFlow         *classGroupFlowModel         `tfsdk:"class_group_flow"`
	SecurityGroupFlow      *securityGroupFlowModel      `tfsdk:"security_group_flow"`
	AdministrativeUnitFlow *administrativeUnitFlowModel `tfsdk:"administrative_unit_flow"`
	ResetTriggers          types.Map                    `tfsdk:"reset_triggers"`
	Timeouts               timeouts.Value               `tfsdk:"timeouts"`
}

type filterModel struct {
	OrgExternalIDs []types.String `tfsdk:"org_external_ids"`
}

// flowStatus is what Graph sets on every flow.
type flowStatus struct {
	ID              types.String `tfsdk:"id"`
	ReadinessStatus types.String `tfsdk:"readiness_status"`
}

func (s *flowStatus) status() *flowStatus { return s }

type userFlowModel struct {
	flowStatus
	CreateUnmatchedUsers   types.Bool              `tfsdk:"create_unmatched_users"`
	CreationConfigurations []userConfigModel       `tfsdk:"creation_configurations"`
	ManagementOptions      *managementOptionsModel `tfsdk:"management_options"`
}

type userConfigModel struct {
	RoleGroupID              types.String   `tfsdk:"role_group_id"`
	LicenseSkus              []types.String `tfsdk:"license_skus"`
	DefaultPassword          types.String   `tfsdk:"default_password"`
	DefaultPasswordWO        types.String   `tfsdk:"default_password_wo"`
	DefaultPasswordWOVersion types.Int64    `tfsdk:"default_password_wo_version"`
}

type managementOptionsModel struct {
	AdditionalAttributes           []types.String `tfsdk:"additional_attributes"`
	AllowStudentContactAssociation types.Bool     `tfsdk:"allow_student_contact_association"`
	StudentAgeGroup                types.String   `tfsdk:"student_age_group"`
}

// managementDefault is management_options when unset: what Graph holds
// for a flow created without them.
var managementDefault = objectdefault.StaticValue(types.ObjectValueMust(
	map[string]attr.Type{
		"additional_attributes":             types.ListType{ElemType: types.StringType},
		"allow_student_contact_association": types.BoolType,
		"student_age_group":                 types.StringType,
	},
	map[string]attr.Value{
		"additional_attributes":             types.ListValueMust(types.StringType, []attr.Value{}),
		"allow_student_contact_association": types.BoolValue(false),
		"student_age_group":                 types.StringNull(),
	},
))

type classGroupFlowModel struct {
	flowStatus
	AdditionalAttributes         []types.String `tfsdk:"additional_attributes"`
	CreateTeam                   types.Bool     `tfsdk:"create_team"`
	WriteDisplayNameOnCreateOnly types.Bool     `tfsdk:"write_display_name_on_create_only"`
	OwnerEnrollmentRoles         []types.String `tfsdk:"owner_enrollment_roles"`
	MemberEnrollmentRoles        []types.String `tfsdk:"member_enrollment_roles"`
}

type securityGroupFlowModel struct {
	flowStatus
	CreateBasedOnRoleGroup        types.Bool `tfsdk:"create_based_on_role_group"`
	CreateBasedOnOrgPlusRoleGroup types.Bool `tfsdk:"create_based_on_org_plus_role_group"`
}

type administrativeUnitFlowModel struct {
	flowStatus
	CreateBasedOnOrg              types.Bool `tfsdk:"create_based_on_org"`
	CreateBasedOnOrgPlusRoleGroup types.Bool `tfsdk:"create_based_on_org_plus_role_group"`
}

// ---- the set ---------------------------------------------------------------

func (m setModel) toGraph() graph.FlowSet {
	s := graph.FlowSet{ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString()}
	if m.Filter != nil {
		s.OrgExternalIDs = stringsOf(m.Filter.OrgExternalIDs)
	}
	return s
}

// withSet is m with the set's own attributes as Graph holds them.
func (m setModel) withSet(s *graph.FlowSet) setModel {
	m.ID, m.DisplayName = types.StringValue(s.ID), types.StringValue(s.DisplayName)
	m.CreatedDateTime, m.LastModifiedDateTime = types.StringValue(s.CreatedDateTime), types.StringValue(s.LastModifiedDateTime)
	m.Filter = nil
	if s.OrgExternalIDs != nil {
		m.Filter = &filterModel{OrgExternalIDs: stringValues(s.OrgExternalIDs)}
	}
	return m
}

// ---- the flows: one table of the four types ----------------------------------

// flowSlot is one of the set's four flow attributes: its Graph type, and how
// to read, write and map the model's flow of that type.
type flowSlot struct {
	graphType string
	attribute string // "user_flow"
	present   func(m *setModel) bool
	clear     func(m *setModel)
	take      func(dst, src *setModel) // dst's flow becomes src's
	toGraph   func(m *setModel) graph.ProvisioningFlow
	// fromGraph sets m's flow to what Graph holds; m's prior flow (from
	// the plan or state) supplies what Graph does not return.
	fromGraph func(m *setModel, f *graph.ProvisioningFlow)
	status    func(m *setModel) *flowStatus
	// same reports whether two models' flows have the same settings
	// (status aside).
	same func(a, b *setModel) bool
}

// slots are the four flow types, in the order they are created.
var slots = []flowSlot{
	slot(graph.FlowTypeUser, "user_flow", func(m *setModel) **userFlowModel { return &m.UserFlow }, userFlowModel.toGraph, userFlowFromGraph),
	slot(graph.FlowTypeClassGroup, "class_group_flow", func(m *setModel) **classGroupFlowModel { return &m.ClassGroupFlow }, classGroupFlowModel.toGraph, classGroupFlowFromGraph),
	slot(graph.FlowTypeSecurityGroup, "security_group_flow", func(m *setModel) **securityGroupFlowModel { return &m.SecurityGroupFlow }, securityGroupFlowModel.toGraph, securityGroupFlowFromGraph),
	slot(graph.FlowTypeAdministrativeUnit, "administrative_unit_flow", func(m *setModel) **administrativeUnitFlowModel { return &m.AdministrativeUnitFlow }, administrativeUnitFlowModel.toGraph, administrativeUnitFlowFromGraph),
}

// slot builds a flowSlot from a field accessor and the flow type's two
// mappings; F is the flow's model.
func slot[F any, PF interface {
	*F
	status() *flowStatus
}](graphType, attribute string, field func(m *setModel) **F, toGraph func(F) graph.ProvisioningFlow, fromGraph func(f *graph.ProvisioningFlow, known *F) *F) flowSlot {
	return flowSlot{
		graphType: graphType, attribute: attribute,
		present: func(m *setModel) bool { return *field(m) != nil },
		clear:   func(m *setModel) { *field(m) = nil },
		take:    func(dst, src *setModel) { *field(dst) = *field(src) },
		toGraph: func(m *setModel) graph.ProvisioningFlow {
			f := toGraph(**field(m))
			f.Type, f.ID = graphType, PF(*field(m)).status().ID.ValueString()
			return f
		},
		fromGraph: func(m *setModel, f *graph.ProvisioningFlow) {
			got := fromGraph(f, *field(m))
			PF(got).status().ID, PF(got).status().ReadinessStatus = types.StringValue(f.ID), types.StringValue(f.ReadinessStatus)
			*field(m) = got
		},
		status: func(m *setModel) *flowStatus { return PF(*field(m)).status() },
		same: func(a, b *setModel) bool {
			fa, fb := *field(a), *field(b)
			if fa == nil || fb == nil {
				return fa == nil && fb == nil
			}
			ca, cb := *fa, *fb
			*PF(&ca).status(), *PF(&cb).status() = flowStatus{}, flowStatus{}
			return equalModels(ca, cb)
		},
	}
}

// ---- user flow ---------------------------------------------------------------

func (f userFlowModel) toGraph() graph.ProvisioningFlow {
	u := &graph.UserFlowSettings{CreateUnmatchedUsers: f.CreateUnmatchedUsers.ValueBool(), Configurations: []graph.UserConfiguration{}}
	if o := f.ManagementOptions; o != nil {
		u.AdditionalAttributes, u.StudentAgeGroup = stringsOf(o.AdditionalAttributes), o.StudentAgeGroup.ValueStringPointer()
		u.AllowStudentContactAssociation = o.AllowStudentContactAssociation.ValueBool()
	}
	for _, c := range f.CreationConfigurations {
		u.Configurations = append(u.Configurations, graph.UserConfiguration{
			RoleGroupID: c.RoleGroupID.ValueString(), LicenseSkus: stringsOf(c.LicenseSkus), DefaultPassword: c.password(),
		})
	}
	return graph.ProvisioningFlow{User: u}
}

// password is the password to send: the sensitive one, else the write-only
// one (present only when the configuration's was copied in for a request);
// nil when neither is set.
func (c userConfigModel) password() *string {
	switch {
	case !c.DefaultPassword.IsNull():
		return c.DefaultPassword.ValueStringPointer()
	case !c.DefaultPasswordWO.IsNull():
		return c.DefaultPasswordWO.ValueStringPointer()
	}
	return nil
}

// userFlowFromGraph is the user flow Graph holds. Graph returns neither the
// role group of a configuration nor its password (masked): both come from
// known's configuration at the same position (assumption: Graph keeps the
// order of the configurations it was sent), and are null without one (after
// an import). A configuration without password settings has no password.
func userFlowFromGraph(f *graph.ProvisioningFlow, known *userFlowModel) *userFlowModel {
	u := f.User
	if u == nil {
		u = &graph.UserFlowSettings{}
	}
	m := &userFlowModel{
		CreateUnmatchedUsers:   types.BoolValue(u.CreateUnmatchedUsers),
		CreationConfigurations: []userConfigModel{},
		ManagementOptions: &managementOptionsModel{
			AdditionalAttributes:           stringValues(u.AdditionalAttributes),
			AllowStudentContactAssociation: types.BoolValue(u.AllowStudentContactAssociation),
			StudentAgeGroup:                types.StringPointerValue(u.StudentAgeGroup),
		},
	}
	for i, c := range u.Configurations {
		cfg := userConfigModel{
			RoleGroupID: types.StringNull(), LicenseSkus: stringValues(c.LicenseSkus),
			DefaultPassword: types.StringNull(), DefaultPasswordWO: types.StringNull(), DefaultPasswordWOVersion: types.Int64Null(),
		}
		if known != nil && i < len(known.CreationConfigurations) {
			k := known.CreationConfigurations[i]
			cfg.RoleGroupID = k.RoleGroupID
			if c.DefaultPassword != nil {
				cfg.DefaultPassword, cfg.DefaultPasswordWOVersion = k.DefaultPassword, k.DefaultPasswordWOVersion
			}
		}
		m.CreationConfigurations = append(m.CreationConfigurations, cfg)
	}
	if len(m.CreationConfigurations) == 0 && (known == nil || known.CreationConfigurations == nil) {
		m.CreationConfigurations = nil // none in Graph, unset in configuration
	}
	return m
}

// ---- class group flow ------------------------------------------------------

func (f classGroupFlowModel) toGraph() graph.ProvisioningFlow {
	return graph.ProvisioningFlow{ClassGroup: &graph.ClassGroupFlowSettings{
		AdditionalAttributes: stringsOf(f.AdditionalAttributes), CreateTeam: f.CreateTeam.ValueBool(),
		WriteDisplayNameOnCreateOnly: f.WriteDisplayNameOnCreateOnly.ValueBool(),
		OwnerRoles:                   stringsOf(f.OwnerEnrollmentRoles), MemberRoles: stringsOf(f.MemberEnrollmentRoles),
	}}
}

// classGroupFlowFromGraph is the class group flow Graph holds; a role code
// Graph spells in another case than known is known's spelling.
func classGroupFlowFromGraph(f *graph.ProvisioningFlow, known *classGroupFlowModel) *classGroupFlowModel {
	g := f.ClassGroup
	if g == nil {
		g = &graph.ClassGroupFlowSettings{}
	}
	var owners, members []types.String
	if known != nil {
		owners, members = known.OwnerEnrollmentRoles, known.MemberEnrollmentRoles
	}
	return &classGroupFlowModel{
		AdditionalAttributes: stringValues(g.AdditionalAttributes), CreateTeam: types.BoolValue(g.CreateTeam),
		WriteDisplayNameOnCreateOnly: types.BoolValue(g.WriteDisplayNameOnCreateOnly),
		OwnerEnrollmentRoles:         keepSpelling(owners, g.OwnerRoles), MemberEnrollmentRoles: keepSpelling(members, g.MemberRoles),
	}
}

// sameCodes reports whether two lists of role codes are the same for Graph,
// which compares codes without case.
func sameCodes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// keepSpelling is known when Graph's codes are the same codes, else Graph's.
func keepSpelling(known []types.String, got []string) []types.String {
	if known != nil && sameCodes(stringsOf(known), got) {
		return known
	}
	return stringValues(got)
}

// ---- security group and administrative unit flows --------------------------------

func (f securityGroupFlowModel) toGraph() graph.ProvisioningFlow {
	return graph.ProvisioningFlow{SecurityGroup: &graph.SecurityGroupFlowSettings{
		CreateBasedOnRoleGroup: f.CreateBasedOnRoleGroup.ValueBool(), CreateBasedOnOrgPlusRoleGroup: f.CreateBasedOnOrgPlusRoleGroup.ValueBool(),
	}}
}

func securityGroupFlowFromGraph(f *graph.ProvisioningFlow, _ *securityGroupFlowModel) *securityGroupFlowModel {
	g := f.SecurityGroup
	if g == nil {
		g = &graph.SecurityGroupFlowSettings{}
	}
	return &securityGroupFlowModel{
		CreateBasedOnRoleGroup: types.BoolValue(g.CreateBasedOnRoleGroup), CreateBasedOnOrgPlusRoleGroup: types.BoolValue(g.CreateBasedOnOrgPlusRoleGroup),
	}
}

func (f administrativeUnitFlowModel) toGraph() graph.ProvisioningFlow {
	return graph.ProvisioningFlow{AdministrativeUnit: &graph.AdministrativeUnitFlowSettings{
		CreateBasedOnOrg: f.CreateBasedOnOrg.ValueBool(), CreateBasedOnOrgPlusRoleGroup: f.CreateBasedOnOrgPlusRoleGroup.ValueBool(),
	}}
}

func administrativeUnitFlowFromGraph(f *graph.ProvisioningFlow, _ *administrativeUnitFlowModel) *administrativeUnitFlowModel {
	g := f.AdministrativeUnit
	if g == nil {
		g = &graph.AdministrativeUnitFlowSettings{}
	}
	return &administrativeUnitFlowModel{
		CreateBasedOnOrg: types.BoolValue(g.CreateBasedOnOrg), CreateBasedOnOrgPlusRoleGroup: types.BoolValue(g.CreateBasedOnOrgPlusRoleGroup),
	}
}

// equalModels compares two models value by value (unknown, null and known
// values of the framework's types included).
func equalModels(a, b any) bool { return reflect.DeepEqual(a, b) }

// ---- values ------------------------------------------------------------------

func stringsOf(values []types.String) []string {
	if values == nil {
		return nil
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.ValueString()
	}
	return out
}

func stringValues(values []string) []types.String {
	out := make([]types.String, len(values))
	for i, v := range values {
		out[i] = types.StringValue(v)
	}
	return out
}
