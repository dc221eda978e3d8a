// Package connector is the industrydata_azure_data_lake_connector and
// industrydata_oneroster_api_connector resources and the
// industrydata_data_connectors data source: where School Data Sync reads a
// source system's data from.
package connector

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// What both connector resources share: the attributes every
// industryDataConnector has, its Graph calls checked for the subtype,
// reading the source system back after an import and validating after each
// write.

// commonAttributes are the attributes of every connector; what names the
// connector in descriptions ("Azure Data Lake connector").
func commonAttributes(ctx context.Context, what string) map[string]schema.Attribute {
	return with(validationAttributes(), map[string]schema.Attribute{
		// Required
		"display_name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "Name of the " + what + ", at most 100 characters.",
			Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
		},
		"source_system_id": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Id of the source system (`industrydata_source_system`) whose data the connector reads. " +
				"Microsoft Graph documents no update of it: changing it replaces the connector.",
			Validators:    []validator.String{stringvalidator.RegexMatches(lifecycle.GUIDPattern, lifecycle.GUIDMessage("a source system"))},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		// Computed
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Id Graph gave the " + what + " (a GUID).",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
	})
}

// commonFields point at the attributes of commonAttributes in a connector's
// model.
type commonFields struct {
	ID, SourceSystemID *types.String
	Validate           *types.Bool
	LastValidation     *types.Object
	Timeouts           *timeouts.Value
}

// connectorModel is a connector resource's model (M), reached through a
// pointer for its common attributes.
type connectorModel[M any] interface {
	*M
	common() commonFields
}

// connectorCRUD is the lifecycle of the connector resource resourceType,
// which manages connectors of the subtype typ; what names it in messages.
// Only converting its model to and from Graph is the resource's own.
func connectorCRUD[M any, P connectorModel[M]](what, typ, resourceType string,
	toGraph func(M) graph.DataConnector, fromGraph func(*graph.DataConnector, M) M,
) *lifecycle.CRUD[M, graph.DataConnector] {
	return &lifecycle.CRUD[M, graph.DataConnector]{
		What: what, DefaultTimeout: 5 * time.Minute,
		Graph:     callsFor(typ, resourceType),
		ToGraph:   toGraph,
		FromGraph: fromGraph,
		ID:        func(m M) string { return P(&m).common().ID.ValueString() },
		Timeouts:  func(m M) timeouts.Value { return *P(&m).common().Timeouts },
		Complete: func(ctx context.Context, c *graph.Client, m M) (M, error) {
			f := P(&m).common()
			err := completeSourceSystem(ctx, c, f.ID.ValueString(), f.SourceSystemID)
			return m, err
		},
		AfterWrite: func(ctx context.Context, c *graph.Client, m M, diags *diag.Diagnostics) M {
			f := P(&m).common()
			*f.LastValidation = lastValidation(ctx, c, f.ID.ValueString(), *f.Validate, diags)
			return m
		},
	}
}

// callsFor are the data connector calls of one subtype: reading a
// connector of another subtype under this resource's id is an error that
// says which resource manages it.
func callsFor(typ, resourceType string) lifecycle.Calls[graph.DataConnector] {
	checked := func(d *graph.DataConnector, err error) (*graph.DataConnector, error) {
		if err == nil && d.Type != typ {
			return nil, fmt.Errorf("data connector %s is an %s, not an %s: manage it with the resource for its type, not %s",
				d.ID, d.Type, typ, resourceType)
		}
		return d, err
	}
	return lifecycle.Calls[graph.DataConnector]{
		Get: func(c *graph.Client, ctx context.Context, id string) (*graph.DataConnector, error) {
			return checked(c.GetDataConnector(ctx, id))
		},
		Create: (*graph.Client).CreateDataConnector,
		Update: (*graph.Client).UpdateDataConnector,
		Delete: (*graph.Client).DeleteDataConnector,
	}
}

// completeSourceSystem reads the connector's source system when the state
// does not hold it (after an import): Graph returns the relationship only
// at /dataConnectors/{id}/sourceSystem, so an ordinary refresh, which
// keeps it from the state (it cannot change), costs no second request.
func completeSourceSystem(ctx context.Context, c *graph.Client, id string, sourceSystemID *types.String) error {
	if lifecycle.Known(*sourceSystemID) {
		return nil
	}
	got, err := c.ConnectorSourceSystemID(ctx, id)
	if err != nil {
		return err
	}
	*sourceSystemID = types.StringValue(got)
	return nil
}
