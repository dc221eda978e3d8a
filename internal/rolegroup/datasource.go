// Package rolegroup is the industrydata_role_groups data source: the fixed
// groups of roles (staff, students) that user matching settings refer to.
package rolegroup

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_role_groups data source.
func NewListDataSource() datasource.DataSource { return roleGroupList.New() }

var roleGroupList = &lifecycle.List[graph.RoleGroup, roleGroup]{
	TypeName: "_role_groups", What: "industry data role groups", Attribute: "role_groups",
	Description: "Lists School Data Sync's role groups (`staff` and `students`) and the role codes each holds.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "Id of the role group: `staff` or `students`."},
		"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the role group."},
		"roles": schema.ListAttribute{
			Computed: true, ElementType: types.StringType,
			MarkdownDescription: "Codes of the roles in the group, e.g. `teacher`.",
		},
	}},
	Fetch: (*graph.Client).ListRoleGroups,
	ToElement: func(g graph.RoleGroup) roleGroup {
		return roleGroup{ID: types.StringValue(g.ID), DisplayName: types.StringValue(g.DisplayName), Roles: g.Roles}
	},
}

type roleGroup struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Roles       []string     `tfsdk:"roles"`
}
