package graph

import "context"

// SourceSystem is a sourceSystemDefinition: where School Data Sync's data
// comes from. Vendor is nil when unset.
type SourceSystem struct {
	ID                   string
	DisplayName          string
	Vendor               *string
	UserMatchingSettings []UserMatchingSetting
}

// UserMatchingSetting says how users of one role group are matched to
// Microsoft Entra users. Graph never returns RoleGroupID (the relationship
// is write-only in practice): a value read from Graph has it empty.
type UserMatchingSetting struct {
	SourceIdentifier string // code, e.g. username
	MatchTarget      string // code, e.g. userPrincipalName
	PriorityOrder    int32
	RoleGroupID      string // staff or students
}

// Collections under /external/industryData that bindings name.
const (
	CollectionSourceSystems = "sourceSystems"
	CollectionRoleGroups    = "roleGroups"
)

// sourceSystemWire is a sourceSystemDefinition's JSON: the one table of its
// property names, read and written.
type sourceSystemWire struct {
	ID                   string                    `json:"id,omitempty"`
	DisplayName          string                    `json:"displayName"`
	Vendor               *string                   `json:"vendor"`
	UserMatchingSettings []userMatchingSettingWire `json:"userMatchingSettings"`
}

type userMatchingSettingWire struct {
	SourceIdentifier *codeWire `json:"sourceIdentifier"`
	MatchTarget      *codeWire `json:"matchTarget"`
	PriorityOrder    int32     `json:"priorityOrder"`
	RoleGroupBind    string    `json:"roleGroup@odata.bind,omitempty"`
}

// codeWire is a reference value ({"code": …}) such as an identifierTypeReferenceValue.
type codeWire struct {
	Code string `json:"code"`
}

func codeOf(w *codeWire) string {
	if w == nil {
		return ""
	}
	return w.Code
}

var sourceSystems = &entitySpec[SourceSystem, sourceSystemWire]{
	docs: entityDocs{
		one: "source system", many: "source systems", collection: CollectionSourceSystems,
		read: "IndustryData-SourceSystem.Read.All", write: "IndustryData-SourceSystem.ReadWrite.All",
		itemPage: "industrydata-sourcesystemdefinition", rootTag: "sourcesystems",
	},
	// The update page lists vendor and userMatchingSettings only; displayName
	// is treated as create-only (see the resource's docs).
	updatable: []string{"vendor", "userMatchingSettings"},
	toWire: func(c *Client, s SourceSystem) sourceSystemWire {
		w := sourceSystemWire{ID: s.ID, DisplayName: s.DisplayName, Vendor: s.Vendor, UserMatchingSettings: []userMatchingSettingWire{}}
		for _, m := range s.UserMatchingSettings {
			mw := userMatchingSettingWire{
				SourceIdentifier: &codeWire{m.SourceIdentifier}, MatchTarget: &codeWire{m.MatchTarget},
				PriorityOrder: m.PriorityOrder,
			}
			if m.RoleGroupID != "" {
				mw.RoleGroupBind = c.BindURL(CollectionRoleGroups, m.RoleGroupID)
			}
			w.UserMatchingSettings = append(w.UserMatchingSettings, mw)
		}
		return w
	},
	fromWire: func(w sourceSystemWire) SourceSystem {
		s := SourceSystem{ID: w.ID, DisplayName: w.DisplayName, Vendor: w.Vendor}
		for _, m := range w.UserMatchingSettings {
			s.UserMatchingSettings = append(s.UserMatchingSettings, UserMatchingSetting{
				SourceIdentifier: codeOf(m.SourceIdentifier), MatchTarget: codeOf(m.MatchTarget), PriorityOrder: m.PriorityOrder,
			})
		}
		return s
	},
}

func init() { sourceSystems.kinds = registerEntity(sourceSystems.docs) }

// GetSourceSystem reads one source system.
func (c *Client) GetSourceSystem(ctx context.Context, id string) (*SourceSystem, error) {
	return sourceSystems.get(ctx, c, id)
}

// ListSourceSystems reads every source system, all pages.
func (c *Client) ListSourceSystems(ctx context.Context) ([]SourceSystem, error) {
	return sourceSystems.list(ctx, c)
}

// CreateSourceSystem creates a source system (its ID is ignored).
func (c *Client) CreateSourceSystem(ctx context.Context, s SourceSystem) (*SourceSystem, error) {
	s.ID = ""
	return sourceSystems.create(ctx, c, s)
}

// UpdateSourceSystem sends one PATCH of what differs between prior and
// desired and returns the source system as Graph now holds it; nil when
// nothing differs (no request).
func (c *Client) UpdateSourceSystem(ctx context.Context, id string, prior, desired SourceSystem) (*SourceSystem, error) {
	return sourceSystems.update(ctx, c, id, prior, desired)
}

// DeleteSourceSystem deletes a source system; one already gone is no error.
func (c *Client) DeleteSourceSystem(ctx context.Context, id string) error {
	return sourceSystems.delete(ctx, c, id)
}
