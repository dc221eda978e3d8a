package year

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_years data source.
func NewListDataSource() datasource.DataSource { return yearList.New() }

var yearList = &lifecycle.List[graph.Year, listedYear]{
	TypeName: "_years", What: "industry data years", Attribute: "years",
	Description: "Lists every School Data Sync school year (all pages), for example to find the id of one to import.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":           lifecycle.ComputedString("Id of the year."),
		"display_name": lifecycle.ComputedString("Name of the year."),
		"start_date":   lifecycle.ComputedString("First day, `YYYY-MM-DD`."),
		"end_date":     lifecycle.ComputedString("Last day, `YYYY-MM-DD`."),
		"year":         lifecycle.ComputedString("The year's code, e.g. `2025`."),
	}},
	Fetch: (*graph.Client).ListYears,
	ToElement: func(y graph.Year) listedYear {
		return listedYear{
			ID: types.StringValue(y.ID), DisplayName: types.StringValue(y.DisplayName),
			StartDate: types.StringValue(y.StartDate), EndDate: types.StringValue(y.EndDate), Year: types.StringValue(y.Code),
		}
	},
}

type listedYear struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	StartDate   types.String `tfsdk:"start_date"`
	EndDate     types.String `tfsdk:"end_date"`
	Year        types.String `tfsdk:"year"`
}
