package graph

import (
	"context"
	"net/url"

	abstractions "github.com/microsoft/kiota-abstractions-go"
)

// CollectionOutboundFlowSets is where outbound provisioning flow sets live
// under /external/industryData; each holds its provisioning flows at
// /{setId}/provisioningFlows.
const CollectionOutboundFlowSets = "outboundProvisioningFlowSets"

// Provisioning flow types: Graph's names of the four provisioningFlow
// subtypes, as ProvisioningFlow.Type holds them.
const (
	FlowTypeUser               = "userProvisioningFlow"
	FlowTypeClassGroup         = "classGroupProvisioningFlow"
	FlowTypeSecurityGroup      = "securityGroupProvisioningFlow"
	FlowTypeAdministrativeUnit = "administrativeUnitProvisioningFlow"
)

// FlowSet is an outboundProvisioningFlowSet: which schools School Data Sync
// provisions into Microsoft 365 (OrgExternalIDs, nil for every school) and,
// through its provisioning flows, how. The timestamps are set by Graph.
type FlowSet struct {
	ID                   string
	DisplayName          string
	OrgExternalIDs       []string
	CreatedDateTime      string
	LastModifiedDateTime string
}

// flowSetWire is a flow set's JSON; the timestamps are never set by toWire,
// so never sent.
type flowSetWire struct {
	ID                   string           `json:"id,omitempty"`
	DisplayName          string           `json:"displayName"`
	Filter               *basicFilterWire `json:"filter,omitempty"`
	CreatedDateTime      string           `json:"createdDateTime,omitempty"`
	LastModifiedDateTime string           `json:"lastModifiedDateTime,omitempty"`
}

// basicFilterWire is the only filter Graph documents: orgExternalId in a list.
type basicFilterWire struct {
	ODataType string   `json:"@odata.type"`
	Attribute string   `json:"attribute"`
	In        []string `json:"in"`
}

var flowSets = &entitySpec[FlowSet, flowSetWire]{
	docs: entityDocs{
		one: "outbound provisioning flow set", many: "outbound provisioning flow sets", collection: CollectionOutboundFlowSets,
		read: permOutboundRead, write: permOutboundWrite,
		itemPage: "industrydata-outboundprovisioningflowset", rootTag: "outboundprovisioningflowsets",
		deletePage: "industrydata-industrydataroot-delete-outboundprovisioningflowsets",
	},
	updatable: []string{"displayName", "filter"},
	toWire: func(_ *Client, s FlowSet) flowSetWire {
		w := flowSetWire{ID: s.ID, DisplayName: s.DisplayName}
		if s.OrgExternalIDs != nil {
			w.Filter = &basicFilterWire{ODataType: odataTypePrefix + "basicFilter", Attribute: "orgExternalId", In: s.OrgExternalIDs}
		}
		return w
	},
	fromWire: func(w flowSetWire) FlowSet {
		s := FlowSet{ID: w.ID, DisplayName: w.DisplayName, CreatedDateTime: w.CreatedDateTime, LastModifiedDateTime: w.LastModifiedDateTime}
		if w.Filter != nil {
			s.OrgExternalIDs = orEmpty(w.Filter.In)
		}
		return s
	},
}

const (
	permOutboundRead  = "IndustryData-OutboundFlow.Read.All"
	permOutboundWrite = "IndustryData-OutboundFlow.ReadWrite.All"
)

func init() { flowSets.kinds = registerEntity(flowSets.docs) }

// GetFlowSet reads one flow set (without its flows).
func (c *Client) GetFlowSet(ctx context.Context, id string) (*FlowSet, error) {
	return flowSets.get(ctx, c, id)
}

// ListFlowSets reads every flow set, all pages.
func (c *Client) ListFlowSets(ctx context.Context) ([]FlowSet, error) { return flowSets.list(ctx, c) }

// CreateFlowSet creates a flow set (its ID and timestamps are ignored).
func (c *Client) CreateFlowSet(ctx context.Context, s FlowSet) (*FlowSet, error) {
	s.ID = ""
	return flowSets.create(ctx, c, s)
}

// UpdateFlowSet sends one PATCH of the name and filter if they differ and
// returns the set as Graph now holds it; nil when nothing differs.
func (c *Client) UpdateFlowSet(ctx context.Context, id string, prior, desired FlowSet) (*FlowSet, error) {
	return flowSets.update(ctx, c, id, prior, desired)
}

// DeleteFlowSet deletes a flow set; one already gone is no error.
func (c *Client) DeleteFlowSet(ctx context.Context, id string) error {
	return flowSets.delete(ctx, c, id)
}

// ProvisioningFlow is one provisioningFlow of a flow set; Type picks the
// subtype and with it which of the settings is set. ReadinessStatus and
// the timestamps are set by Graph and never sent.
type ProvisioningFlow struct {
	Type                 string
	ID                   string
	ReadinessStatus      string
	CreatedDateTime      string
	LastModifiedDateTime string

	User               *UserFlowSettings
	ClassGroup         *ClassGroupFlowSettings
	SecurityGroup      *SecurityGroupFlowSettings
	AdministrativeUnit *AdministrativeUnitFlowSettings
}

// UserFlowSettings are a userProvisioningFlow's. StudentAgeGroup nil is no
// age rule. markAllStudentsAsMinors, deprecated, is never sent.
type UserFlowSettings struct {
	CreateUnmatchedUsers           bool
	Configurations                 []UserConfiguration
	AdditionalAttributes           []string
	AllowStudentContactAssociation bool
	StudentAgeGroup                *string
}

// UserConfiguration is how users of one role group are created. Graph
// returns neither RoleGroupID ("" after a read) nor DefaultPassword
// (masked after a read); DefaultPassword nil sends no password settings.
type UserConfiguration struct {
	RoleGroupID     string
	LicenseSkus     []string
	DefaultPassword *string
}

// ClassGroupFlowSettings are a classGroupProvisioningFlow's; the roles are
// section role codes (Graph may respell them: paraProfessional is answered
// paraprofessional).
type ClassGroupFlowSettings struct {
	AdditionalAttributes         []string
	CreateTeam                   bool
	WriteDisplayNameOnCreateOnly bool
	OwnerRoles, MemberRoles      []string
}

// SecurityGroupFlowSettings are a securityGroupProvisioningFlow's creation options.
type SecurityGroupFlowSettings struct {
	CreateBasedOnRoleGroup, CreateBasedOnOrgPlusRoleGroup bool
}

// AdministrativeUnitFlowSettings are an administrativeUnitProvisioningFlow's creation options.
type AdministrativeUnitFlowSettings struct {
	CreateBasedOnOrg, CreateBasedOnOrgPlusRoleGroup bool
}

// provisioningFlowWire is a provisioning flow's JSON, every subtype: the
// properties of the other subtypes are left out (omitempty). creationOptions
// is one wire type for the three subtypes that have one.
type provisioningFlowWire struct {
	ODataType            string `json:"@odata.type"`
	ID                   string `json:"id,omitempty"`
	ReadinessStatus      string `json:"readinessStatus,omitempty"`
	CreatedDateTime      string `json:"createdDateTime,omitempty"`
	LastModifiedDateTime string `json:"lastModifiedDateTime,omitempty"`

	CreateUnmatchedUsers *bool                        `json:"createUnmatchedUsers,omitempty"`
	CreationOptions      *creationOptionsWire         `json:"creationOptions,omitempty"`
	ManagementOptions    *userManagementOptionsWire   `json:"managementOptions,omitempty"`
	Configuration        *classGroupConfigurationWire `json:"configuration,omitempty"`
}

type creationOptionsWire struct {
	Configurations                *[]userConfigurationWire `json:"configurations,omitempty"`
	CreateBasedOnOrg              *bool                    `json:"createBasedOnOrg,omitempty"`
	CreateBasedOnRoleGroup        *bool                    `json:"createBasedOnRoleGroup,omitempty"`
	CreateBasedOnOrgPlusRoleGroup *bool                    `json:"createBasedOnOrgPlusRoleGroup,omitempty"`
}

type userConfigurationWire struct {
	RoleGroupBind           string                `json:"roleGroup@odata.bind,omitempty"`
	DefaultPasswordSettings *passwordSettingsWire `json:"defaultPasswordSettings,omitempty"`
	LicenseSkus             []string              `json:"licenseSkus"`
}

type passwordSettingsWire struct {
	ODataType string `json:"@odata.type"`
	Password  string `json:"password"`
}

type userManagementOptionsWire struct {
	AdditionalAttributes []string                  `json:"additionalAttributes"`
	AdditionalOptions    additionalUserOptionsWire `json:"additionalOptions"`
}

type additionalUserOptionsWire struct {
	AllowStudentContactAssociation bool    `json:"allowStudentContactAssociation"`
	StudentAgeGroup                *string `json:"studentAgeGroup"`
}

type classGroupConfigurationWire struct {
	AdditionalAttributes []string                        `json:"additionalAttributes"`
	AdditionalOptions    additionalClassGroupOptionsWire `json:"additionalOptions"`
	EnrollmentMappings   enrollmentMappingsWire          `json:"enrollmentMappings"`
}

type additionalClassGroupOptionsWire struct {
	CreateTeam                   bool `json:"createTeam"`
	WriteDisplayNameOnCreateOnly bool `json:"writeDisplayNameOnCreateOnly"`
}

type enrollmentMappingsWire struct {
	Owner  []codeWire `json:"ownerEnrollmentMappings"`
	Member []codeWire `json:"memberEnrollmentMappings"`
}

var (
	provisioningFlows = &entitySpec[ProvisioningFlow, provisioningFlowWire]{
		docs: entityDocs{one: "provisioning flow", many: "provisioning flows"},
		// Every PATCH names the subtype; each settings property is sent
		// whole when any part of it changes (a changed password sends the
		// creation options with every configuration's password).
		updatable: []string{"createUnmatchedUsers", "creationOptions", "managementOptions", "configuration"},
		always:    []string{"@odata.type"},
		toWire:    provisioningFlowToWire,
		fromWire:  provisioningFlowFromWire,
	}

	flowItem = "/" + CollectionOutboundFlowSets + "/{setId}/provisioningFlows/{id}"
	flowRow  = func(op, req, page, perm string) Permission {
		return Permission{Operation: op, Request: req, Application: perm, Delegated: perm,
			Source: "https://learn.microsoft.com/graph/api/" + page + "?view=graph-rest-beta"}
	}
)

// kindResetFlow is the kind of a flow's reset action (registered with the
// other flow calls).
var kindResetFlow OperationKind

// The kinds of the flow calls are declared one by one: their paths are
// under the set, not a collection of their own.
func init() {
	provisioningFlows.kinds = entityKinds{
		Read: registerKind("read_provisioning_flow", flowRow("reading a provisioning flow", "GET "+flowItem,
			"industrydata-provisioningflow-get", permOutboundRead)),
		List: registerKind("list_provisioning_flows", flowRow("listing a flow set's provisioning flows",
			"GET /"+CollectionOutboundFlowSets+"/{setId}/provisioningFlows", "industrydata-outboundprovisioningflowset-list-provisioningflows", permOutboundRead)),
		Create: registerKind("create_provisioning_flow", flowRow("creating a provisioning flow",
			"POST /"+CollectionOutboundFlowSets+"/{setId}/provisioningFlows", "industrydata-outboundprovisioningflowset-post-provisioningflows", permOutboundWrite)),
		Update: registerKind("update_provisioning_flow", flowRow("updating a provisioning flow", "PATCH "+flowItem,
			"industrydata-userprovisioningflow-update", permOutboundWrite)),
		Delete: registerKind("delete_provisioning_flow", flowRow("deleting a provisioning flow", "DELETE "+flowItem,
			"industrydata-outboundprovisioningflowset-delete-provisioningflows", permOutboundWrite)),
	}
	kindResetFlow = registerKind("reset_provisioning_flow", flowRow("resetting a provisioning flow",
		"POST "+flowItem+"/microsoft.graph.industryData.reset", "industrydata-provisioningflow-reset", permOutboundWrite))
}

func provisioningFlowToWire(c *Client, f ProvisioningFlow) provisioningFlowWire {
	w := provisioningFlowWire{ODataType: odataTypePrefix + f.Type, ID: f.ID}
	switch {
	case f.User != nil:
		u := f.User
		configs := make([]userConfigurationWire, len(u.Configurations))
		for i, cfg := range u.Configurations {
			configs[i] = userConfigurationWire{RoleGroupBind: c.BindURL(CollectionRoleGroups, cfg.RoleGroupID), LicenseSkus: orEmpty(cfg.LicenseSkus)}
			if cfg.DefaultPassword != nil {
				configs[i].DefaultPasswordSettings = &passwordSettingsWire{ODataType: odataTypePrefix + "simplePasswordSettings", Password: *cfg.DefaultPassword}
			}
		}
		w.CreateUnmatchedUsers = &u.CreateUnmatchedUsers
		w.CreationOptions = &creationOptionsWire{Configurations: &configs}
		w.ManagementOptions = &userManagementOptionsWire{
			AdditionalAttributes: orEmpty(u.AdditionalAttributes),
			AdditionalOptions:    additionalUserOptionsWire{AllowStudentContactAssociation: u.AllowStudentContactAssociation, StudentAgeGroup: u.StudentAgeGroup},
		}
	case f.ClassGroup != nil:
		g := f.ClassGroup
		w.Configuration = &classGroupConfigurationWire{
			AdditionalAttributes: orEmpty(g.AdditionalAttributes),
			AdditionalOptions:    additionalClassGroupOptionsWire{CreateTeam: g.CreateTeam, WriteDisplayNameOnCreateOnly: g.WriteDisplayNameOnCreateOnly},
			EnrollmentMappings:   enrollmentMappingsWire{Owner: codes(g.OwnerRoles), Member: codes(g.MemberRoles)},
		}
	case f.SecurityGroup != nil:
		w.CreationOptions = &creationOptionsWire{CreateBasedOnRoleGroup: &f.SecurityGroup.CreateBasedOnRoleGroup, CreateBasedOnOrgPlusRoleGroup: &f.SecurityGroup.CreateBasedOnOrgPlusRoleGroup}
	case f.AdministrativeUnit != nil:
		w.CreationOptions = &creationOptionsWire{CreateBasedOnOrg: &f.AdministrativeUnit.CreateBasedOnOrg, CreateBasedOnOrgPlusRoleGroup: &f.AdministrativeUnit.CreateBasedOnOrgPlusRoleGroup}
	}
	return w
}

func provisioningFlowFromWire(w provisioningFlowWire) ProvisioningFlow {
	f := ProvisioningFlow{
		Type: trimODataType(w.ODataType), ID: w.ID, ReadinessStatus: w.ReadinessStatus,
		CreatedDateTime: w.CreatedDateTime, LastModifiedDateTime: w.LastModifiedDateTime,
	}
	options := w.CreationOptions
	if options == nil {
		options = &creationOptionsWire{}
	}
	switch f.Type {
	case FlowTypeUser:
		u := &UserFlowSettings{CreateUnmatchedUsers: isTrue(w.CreateUnmatchedUsers), Configurations: []UserConfiguration{}, AdditionalAttributes: []string{}}
		if options.Configurations != nil {
			for _, cfg := range *options.Configurations {
				uc := UserConfiguration{LicenseSkus: orEmpty(cfg.LicenseSkus)}
				if p := cfg.DefaultPasswordSettings; p != nil {
					uc.DefaultPassword = &p.Password
				}
				u.Configurations = append(u.Configurations, uc)
			}
		}
		if m := w.ManagementOptions; m != nil {
			u.AdditionalAttributes = orEmpty(m.AdditionalAttributes)
			u.AllowStudentContactAssociation, u.StudentAgeGroup = m.AdditionalOptions.AllowStudentContactAssociation, m.AdditionalOptions.StudentAgeGroup
		}
		f.User = u
	case FlowTypeClassGroup:
		g := &ClassGroupFlowSettings{AdditionalAttributes: []string{}, OwnerRoles: []string{}, MemberRoles: []string{}}
		if cfg := w.Configuration; cfg != nil {
			g.AdditionalAttributes = orEmpty(cfg.AdditionalAttributes)
			g.CreateTeam, g.WriteDisplayNameOnCreateOnly = cfg.AdditionalOptions.CreateTeam, cfg.AdditionalOptions.WriteDisplayNameOnCreateOnly
			g.OwnerRoles, g.MemberRoles = codesOf(cfg.EnrollmentMappings.Owner), codesOf(cfg.EnrollmentMappings.Member)
		}
		f.ClassGroup = g
	case FlowTypeSecurityGroup:
		f.SecurityGroup = &SecurityGroupFlowSettings{CreateBasedOnRoleGroup: isTrue(options.CreateBasedOnRoleGroup), CreateBasedOnOrgPlusRoleGroup: isTrue(options.CreateBasedOnOrgPlusRoleGroup)}
	case FlowTypeAdministrativeUnit:
		f.AdministrativeUnit = &AdministrativeUnitFlowSettings{CreateBasedOnOrg: isTrue(options.CreateBasedOnOrg), CreateBasedOnOrgPlusRoleGroup: isTrue(options.CreateBasedOnOrgPlusRoleGroup)}
	}
	return f
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func codes(values []string) []codeWire {
	out := make([]codeWire, len(values))
	for i, v := range values {
		out[i] = codeWire{v}
	}
	return out
}

func codesOf(values []codeWire) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.Code
	}
	return out
}

// flowsIn is the provisioning flow calls on one set's collection.
func flowsIn(setID string) *entitySpec[ProvisioningFlow, provisioningFlowWire] {
	spec := *provisioningFlows
	spec.docs.collection = CollectionOutboundFlowSets + "/" + url.PathEscape(setID) + "/provisioningFlows"
	return &spec
}

// ListProvisioningFlows reads every provisioning flow of a set, all pages
// (Graph documents no $expand of them with the set).
func (c *Client) ListProvisioningFlows(ctx context.Context, setID string) ([]ProvisioningFlow, error) {
	return flowsIn(setID).list(ctx, c)
}

// CreateProvisioningFlow creates a flow of f.Type in a set.
func (c *Client) CreateProvisioningFlow(ctx context.Context, setID string, f ProvisioningFlow) (*ProvisioningFlow, error) {
	f.ID = ""
	return flowsIn(setID).create(ctx, c, f)
}

// UpdateProvisioningFlow sends one PATCH of the settings that differ between
// prior and desired (with the subtype's @odata.type) and returns the flow
// as Graph now holds it; nil when nothing differs (no request).
func (c *Client) UpdateProvisioningFlow(ctx context.Context, setID, id string, prior, desired ProvisioningFlow) (*ProvisioningFlow, error) {
	return flowsIn(setID).update(ctx, c, id, prior, desired)
}

// DeleteProvisioningFlow deletes a flow; one already gone is no error.
func (c *Client) DeleteProvisioningFlow(ctx context.Context, setID, id string) error {
	return flowsIn(setID).delete(ctx, c, id)
}

// ResetProvisioningFlow calls a flow's reset action: Graph reprovisions
// everything the flow covers as on a first run and clears its errors (202,
// no body, nothing to poll).
func (c *Client) ResetProvisioningFlow(ctx context.Context, setID, id string) error {
	op := "resetting provisioning flow " + id
	_, err := c.send(ctx, abstractions.POST, c.collectionURL(flowsIn(setID).docs.collection, id, "microsoft.graph.industryData.reset"), nil, nil)
	return wrapErrorKind(kindResetFlow, op, err)
}
