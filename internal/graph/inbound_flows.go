package graph

import (
	"context"
	"errors"
	"net/http"
)

// Inbound flow types: Graph's names of the two inboundFlow subtypes
// (without their namespace), as InboundFlow.Type holds them.
const (
	FlowFile = "inboundFileFlow"
	FlowAPI  = "inboundApiFlow"
)

// CollectionInboundFlows is where inbound flows live under /external/industryData.
const CollectionInboundFlows = "inboundFlows"

// InboundFlow is an inboundFlow: it ties a data connector to a school year
// and says which data it brings in, from when to when. Type picks the
// subtype. DataConnectorID and YearID are sent on create only: Graph does
// not return the relationships with the flow (see FlowDataConnectorID and
// FlowYearID). Times are RFC 3339 text; ExpirationDateTime is "" when unset.
// ReadinessStatus is set by Graph and never sent.
type InboundFlow struct {
	Type               string
	ID                 string
	DisplayName        string
	DataDomain         string
	DataConnectorID    string
	YearID             string
	EffectiveDateTime  string
	ExpirationDateTime string
	ReadinessStatus    string
}

// inboundFlowWire is an inboundFlow's JSON. readinessStatus is read-only:
// toWire never sets it, so it is never sent.
type inboundFlowWire struct {
	ODataType          string  `json:"@odata.type"`
	ID                 string  `json:"id,omitempty"`
	DisplayName        string  `json:"displayName"`
	DataDomain         string  `json:"dataDomain,omitempty"`
	EffectiveDateTime  string  `json:"effectiveDateTime"`
	ExpirationDateTime *string `json:"expirationDateTime,omitempty"`
	DataConnectorBind  string  `json:"dataConnector@odata.bind,omitempty"`
	YearBind           string  `json:"year@odata.bind,omitempty"`
	ReadinessStatus    string  `json:"readinessStatus,omitempty"`
}

var inboundFlows = &entitySpec[InboundFlow, inboundFlowWire]{
	docs: entityDocs{
		one: "inbound flow", many: "inbound flows", collection: CollectionInboundFlows,
		read: "IndustryData-InboundFlow.Read.All", write: "IndustryData-InboundFlow.ReadWrite.All",
		itemPage: "industrydata-inboundflow", rootTag: "inboundflows",
	},
	// Assumption: the update page's properties that a user sets are the
	// name and the two times; dataDomain and the relationships are
	// create-only (the resources replace the flow when they change).
	updatable: []string{"displayName", "effectiveDateTime", "expirationDateTime"},
	toWire: func(c *Client, f InboundFlow) inboundFlowWire {
		w := inboundFlowWire{
			ODataType: odataTypePrefix + f.Type, ID: f.ID, DisplayName: f.DisplayName, DataDomain: f.DataDomain,
			EffectiveDateTime: f.EffectiveDateTime,
		}
		if f.ExpirationDateTime != "" {
			w.ExpirationDateTime = &f.ExpirationDateTime
		}
		if f.DataConnectorID != "" {
			w.DataConnectorBind = c.BindURL(CollectionDataConnectors, f.DataConnectorID)
		}
		if f.YearID != "" {
			w.YearBind = c.BindURL(CollectionYears, f.YearID)
		}
		return w
	},
	fromWire: func(w inboundFlowWire) InboundFlow {
		f := InboundFlow{
			Type: trimODataType(w.ODataType), ID: w.ID, DisplayName: w.DisplayName, DataDomain: w.DataDomain,
			EffectiveDateTime: w.EffectiveDateTime, ReadinessStatus: w.ReadinessStatus,
		}
		if w.ExpirationDateTime != nil {
			f.ExpirationDateTime = *w.ExpirationDateTime
		}
		return f
	},
}

func init() { inboundFlows.kinds = registerEntity(inboundFlows.docs) }

// GetInboundFlow reads one inbound flow, of either subtype.
func (c *Client) GetInboundFlow(ctx context.Context, id string) (*InboundFlow, error) {
	return inboundFlows.get(ctx, c, id)
}

// FlowDataConnectorID reads the id of the data connector an inbound flow
// reads from (GET /inboundFlows/{id}/dataConnector).
func (c *Client) FlowDataConnectorID(ctx context.Context, id string) (string, error) {
	return inboundFlows.relatedID(ctx, c, id, "dataConnector")
}

// FlowYearID reads the id of the year an inbound flow assigns its data to
// (GET /inboundFlows/{id}/year).
func (c *Client) FlowYearID(ctx context.Context, id string) (string, error) {
	return inboundFlows.relatedID(ctx, c, id, "year")
}

// ListInboundFlows reads every inbound flow, all pages.
func (c *Client) ListInboundFlows(ctx context.Context) ([]InboundFlow, error) {
	return inboundFlows.list(ctx, c)
}

// CreateInboundFlow creates an inbound flow of f.Type (its ID and
// ReadinessStatus are ignored).
func (c *Client) CreateInboundFlow(ctx context.Context, f InboundFlow) (*InboundFlow, error) {
	f.ID, f.ReadinessStatus = "", ""
	return inboundFlows.create(ctx, c, f)
}

// UpdateInboundFlow sends one PATCH of what differs between prior and
// desired among the name and the times, and returns the flow as Graph now
// holds it; nil when nothing differs (no request).
func (c *Client) UpdateInboundFlow(ctx context.Context, id string, prior, desired InboundFlow) (*InboundFlow, error) {
	prior.ReadinessStatus, desired.ReadinessStatus = "", ""
	return inboundFlows.update(ctx, c, id, prior, desired)
}

// DeleteInboundFlow deletes an inbound flow; one already gone is no error.
func (c *Client) DeleteInboundFlow(ctx context.Context, id string) error {
	return inboundFlows.delete(ctx, c, id)
}

// IsBadRequest reports whether err is Graph's 400: the service refused
// what was sent.
func IsBadRequest(err error) bool {
	var ge *Error
	return errors.As(err, &ge) && ge.StatusCode == http.StatusBadRequest
}
