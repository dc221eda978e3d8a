package lifecycle

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// List is a data source that lists every object of one kind (all pages):
// its only attribute is the list. G is the graph package's value, E the
// element's model (a struct with tfsdk tags matching Element).
type List[G, E any] struct {
	TypeName    string // after the provider's name: "_years"
	What        string // "industry data years": in messages
	Description string
	Attribute   string // "years"
	Element     schema.NestedAttributeObject
	Fetch       func(c *graph.Client, ctx context.Context) ([]G, error)
	ToElement   func(g G) E
	// Filter, when set, adds an optional argument that keeps only the
	// objects it matches.
	Filter *ListFilter[G]

	client *graph.Client
}

// New returns a fresh copy of l for one data source instance.
func (l *List[G, E]) New() datasource.DataSource {
	fresh := *l
	return &fresh
}

var _ datasource.DataSourceWithConfigure = (*List[any, any])(nil)

func (l *List[G, E]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.TypeName
}

// ListFilter is an optional string argument of a List: when set, only the
// objects Match accepts with its value are listed.
type ListFilter[G any] struct {
	Attribute, Description string
	Validators             []validator.String
	Match                  func(g G, value string) bool
}

func (l *List[G, E]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		l.Attribute: schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "The " + l.Attribute + ", in the order Microsoft Graph lists them (not documented: do not rely on it).",
			NestedObject:        l.Element,
		},
	}
	if f := l.Filter; f != nil {
		attrs[f.Attribute] = schema.StringAttribute{Optional: true, MarkdownDescription: f.Description, Validators: f.Validators}
	}
	resp.Schema = schema.Schema{MarkdownDescription: l.Description, Attributes: attrs}
}

func (l *List[G, E]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	l.client = ClientFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *List[G, E]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	keep := func(G) bool { return true }
	if f := l.Filter; f != nil {
		var value types.String
		if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(f.Attribute), &value)...); resp.Diagnostics.HasError() {
			return
		}
		if Known(value) {
			keep = func(g G) bool { return f.Match(g, value.ValueString()) }
		}
	}
	all, err := l.Fetch(l.client, ctx)
	if err != nil {
		Failed(&resp.Diagnostics, "list", l.What, "", err)
		return
	}
	elements := make([]E, 0, len(all))
	for _, g := range all {
		if keep(g) {
			elements = append(elements, l.ToElement(g))
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(l.Attribute), elements)...)
}

// ComputedString is a read-only string attribute of a listed element.
func ComputedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}
