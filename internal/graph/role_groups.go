package graph

import "context"

// RoleGroup is a roleGroup: the fixed groups of roles (staff, students)
// that user matching settings and provisioning flows refer to.
type RoleGroup struct {
	ID          string
	DisplayName string
	Roles       []string // role codes
}

type roleGroupWire struct {
	ID          string     `json:"id"`
	DisplayName string     `json:"displayName"`
	Roles       []codeWire `json:"roles"`
}

var roleGroups = &entitySpec[RoleGroup, roleGroupWire]{
	docs: entityDocs{
		one: "role group", many: "role groups", collection: CollectionRoleGroups,
		read: "IndustryData.ReadBasic.All", itemPage: "industrydata-rolegroup", rootTag: "rolegroups",
	},
	fromWire: func(w roleGroupWire) RoleGroup {
		g := RoleGroup{ID: w.ID, DisplayName: w.DisplayName, Roles: []string{}}
		for _, r := range w.Roles {
			g.Roles = append(g.Roles, r.Code)
		}
		return g
	},
}

func init() { roleGroups.kinds = registerEntity(roleGroups.docs) }

// ListRoleGroups reads every role group, all pages.
func (c *Client) ListRoleGroups(ctx context.Context) ([]RoleGroup, error) {
	return roleGroups.list(ctx, c)
}
