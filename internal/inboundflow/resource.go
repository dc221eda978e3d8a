// Package inboundflow is the industrydata_inbound_file_flow and
// industrydata_inbound_api_flow resources and the industrydata_inbound_flows
// data source: the School Data Sync flows that bring a data connector's
// data in for a school year.
package inboundflow

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// dataDomainRostering is the only data domain Graph documents for an
// inbound flow (besides its evolvable-enum sentinel).
const dataDomainRostering = "educationRostering"

// flowKind is what tells the two flow resources apart: Graph's subtype, the
// connector type it needs, and names for the schema and messages.
type flowKind struct {
	flowType, connectorType string // graph.FlowFile, graph.ConnectorAzureDataLake
	resourceType            string // "industrydata_inbound_file_flow"
	connectorResource       string // "industrydata_azure_data_lake_connector"
	what, connectorWhat     string // "inbound file flow", "an Azure Data Lake connector"
	description             string
}

var (
	fileFlow = flowKind{
		flowType: graph.FlowFile, connectorType: graph.ConnectorAzureDataLake,
		resourceType: "industrydata_inbound_file_flow", connectorResource: "industrydata_azure_data_lake_connector",
		what: "inbound file flow", connectorWhat: "an Azure Data Lake connector",
		description: "A School Data Sync inbound flow (`inboundFileFlow`) that brings in the CSV files an Azure Data Lake connector reads, for a school year.",
	}
	apiFlow = flowKind{
		flowType: graph.FlowAPI, connectorType: graph.ConnectorOneRosterAPI,
		resourceType: "industrydata_inbound_api_flow", connectorResource: "industrydata_oneroster_api_connector",
		what: "inbound API flow", connectorWhat: "a OneRoster API connector",
		description: "A School Data Sync inbound flow (`inboundApiFlow`) that brings in what a OneRoster API connector reads, for a school year.",
	}
)

// NewFileFlowResource returns the industrydata_inbound_file_flow resource.
func NewFileFlowResource() resource.Resource { return newResource(fileFlow) }

// NewAPIFlowResource returns the industrydata_inbound_api_flow resource.
func NewAPIFlowResource() resource.Resource { return newResource(apiFlow) }

// flowResource does the common lifecycle (see lifecycle.CRUD); what is its
// own is its schema, the time order rule and the connector type check.
type flowResource struct {
	*lifecycle.CRUD[flowModel, graph.InboundFlow]
	kind flowKind
}

func newResource(k flowKind) *flowResource {
	crud := &lifecycle.CRUD[flowModel, graph.InboundFlow]{
		What: k.what, DefaultTimeout: 5 * time.Minute,
		Graph:     k.calls(),
		ToGraph:   func(m flowModel) graph.InboundFlow { return m.toGraph(k.flowType) },
		FromGraph: fromGraph,
		ID:        func(m flowModel) string { return m.ID.ValueString() },
		Timeouts:  func(m flowModel) timeouts.Value { return m.Timeouts },
		Complete:  completeRelationships,
	}
	return &flowResource{CRUD: crud, kind: k}
}

var (
	_ resource.ResourceWithConfigure      = (*flowResource)(nil)
	_ resource.ResourceWithImportState    = (*flowResource)(nil)
	_ resource.ResourceWithValidateConfig = (*flowResource)(nil)
)

func (r *flowResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.kind.resourceType[len("industrydata"):]
}

func (r *flowResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	k := r.kind
	replacedID := func(desc, what string) schema.StringAttribute {
		return schema.StringAttribute{
			Required: true, MarkdownDescription: desc + " Microsoft Graph documents no update of it: changing it replaces the flow.",
			Validators:    []validator.String{stringvalidator.RegexMatches(lifecycle.GUIDPattern, lifecycle.GUIDMessage(what))},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: k.description,
		Attributes: map[string]schema.Attribute{
			// Required
			"display_name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the flow, at most 100 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
			},
			"data_connector_id": replacedID("Id of "+k.connectorWhat+" (`"+k.connectorResource+"`), which the flow reads from; "+
				"Graph refuses a connector of the other type.", k.connectorWhat),
			"year_id": replacedID("Id of the school year (`industrydata_year`) the flow assigns its data to.", "a year"),
			"effective_date_time": schema.StringAttribute{
				Required: true, CustomType: timetypes.InstantType{},
				MarkdownDescription: "When the flow starts to bring data in, an RFC 3339 time. Compared by instant: " +
					"another spelling of the same time (another offset, more or fewer fraction digits) plans no change.",
				PlanModifiers: []planmodifier.String{timetypes.KeepPriorWhenSameInstant()},
			},
			// Optional
			"expiration_date_time": schema.StringAttribute{
				Optional: true, CustomType: timetypes.InstantType{},
				MarkdownDescription: "When the flow stops, an RFC 3339 time after `effective_date_time` (checked at plan time); " +
					"unset, the flow does not expire. Compared by instant.",
				PlanModifiers: []planmodifier.String{timetypes.KeepPriorWhenSameInstant()},
			},
			"data_domain": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(dataDomainRostering),
				MarkdownDescription: "Which data the flow brings in: `educationRostering` (the default and the only value Graph documents). " +
					"Changing it replaces the flow.",
				Validators:    []validator.String{stringvalidator.OneOf(dataDomainRostering)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			// Computed
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Id Graph gave the flow (a GUID).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"readiness_status": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Whether the flow is ready to run, as Graph sets it: `notReady` (a new flow), `ready`, `failed`, " +
					"`disabled`, `expired` or `unknownFutureValue`. A change made by Graph shows after the next refresh.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig checks that the flow expires after it becomes effective, at
// plan time.
func (r *flowResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var effective, expiration timetypes.Instant
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("effective_date_time"), &effective)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("expiration_date_time"), &expiration)...)
	from, okFrom := effective.Time()
	until, okUntil := expiration.Time()
	if okFrom && okUntil && !until.After(from) {
		resp.Diagnostics.AddAttributeError(path.Root("expiration_date_time"), "Flow expires before it is effective",
			fmt.Sprintf("expiration_date_time %q must be after effective_date_time %q.", expiration.ValueString(), effective.ValueString()))
	}
}

// calls are the inbound flow calls of one subtype: reading a flow of the
// other subtype under this resource's id is an error that says which
// resource manages it, and a create Graph refuses is explained when the
// connector is of the wrong type.
func (k flowKind) calls() lifecycle.Calls[graph.InboundFlow] {
	return lifecycle.Calls[graph.InboundFlow]{
		Get: func(c *graph.Client, ctx context.Context, id string) (*graph.InboundFlow, error) {
			f, err := c.GetInboundFlow(ctx, id)
			if err == nil && f.Type != k.flowType {
				return nil, fmt.Errorf("inbound flow %s is an %s, not an %s: manage it with the resource for its type, not %s",
					f.ID, f.Type, k.flowType, k.resourceType)
			}
			return f, err
		},
		Create: func(c *graph.Client, ctx context.Context, f graph.InboundFlow) (*graph.InboundFlow, error) {
			created, err := c.CreateInboundFlow(ctx, f)
			if graph.IsBadRequest(err) {
				return nil, k.explainRefusal(ctx, c, f, err)
			}
			return created, err
		},
		Update: (*graph.Client).UpdateInboundFlow,
		Delete: (*graph.Client).DeleteInboundFlow,
	}
}

// explainRefusal turns Graph's refusal of a new flow into an error that
// names the connector, the year and the connector type the flow needs, when
// the connector is of the other type. Assumption: Graph's wording for this
// refusal is not documented, so the provider reads the connector (only
// after a refused create: a successful one costs no request) and says it
// in its own words after Graph's error.
func (k flowKind) explainRefusal(ctx context.Context, c *graph.Client, f graph.InboundFlow, refused error) error {
	connector, err := c.GetDataConnector(ctx, f.DataConnectorID)
	if err != nil || connector.Type == k.connectorType {
		return refused
	}
	return fmt.Errorf("%w\n\nAn %s (%s) needs %s (%s, managed by %s), but data_connector_id %q is of type %s; year_id is %q. "+
		"Use the flow resource for that connector's type, or name %s",
		refused, k.what, k.resourceType, k.connectorWhat, k.connectorType, k.connectorResource, f.DataConnectorID, connector.Type, f.YearID,
		k.connectorWhat)
}

// completeRelationships reads the flow's data connector and year when the
// state does not hold them (after an import): Graph returns the
// relationships only at /inboundFlows/{id}/dataConnector and /year, so an
// ordinary refresh, which keeps them from the state (they cannot change),
// costs no further request.
func completeRelationships(ctx context.Context, c *graph.Client, m flowModel) (flowModel, error) {
	id := m.ID.ValueString()
	for _, rel := range []struct {
		value *types.String
		read  func(context.Context, string) (string, error)
	}{{&m.DataConnectorID, c.FlowDataConnectorID}, {&m.YearID, c.FlowYearID}} {
		if lifecycle.Known(*rel.value) {
			continue
		}
		got, err := rel.read(ctx, id)
		if err != nil {
			return m, err
		}
		*rel.value = types.StringValue(got)
	}
	return m, nil
}
