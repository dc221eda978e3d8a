package graph

import "context"

// Connector types: Graph's names of the two industryDataConnector subtypes
// (without their namespace), as DataConnector.Type holds them.
const (
	ConnectorAzureDataLake = "azureDataLakeConnector"
	ConnectorOneRosterAPI  = "oneRosterApiDataConnector"
)

// CollectionDataConnectors is where data connectors live under /external/industryData.
const CollectionDataConnectors = "dataConnectors"

// odataTypePrefix qualifies an industryData type name for @odata.type.
const odataTypePrefix = "#microsoft.graph.industryData."

// DataConnector is an industryDataConnector: where School Data Sync reads
// a source system's data from. Type picks the subtype, and with it which of
// the subtype fields apply. SourceSystemID is sent on create only: Graph
// does not return the relationship with the connector (see
// ConnectorSourceSystemID).
type DataConnector struct {
	Type           string
	ID             string
	DisplayName    string
	SourceSystemID string

	// azureDataLakeConnector
	FileFormat string // code: schoolDataSyncV1, schoolDataSyncV2Rev1
}

// dataConnectorWire is an industryDataConnector's JSON, both subtypes: the
// properties of the other subtype are left out (omitempty).
type dataConnectorWire struct {
	ODataType        string    `json:"@odata.type"`
	ID               string    `json:"id,omitempty"`
	DisplayName      string    `json:"displayName"`
	SourceSystemBind string    `json:"sourceSystem@odata.bind,omitempty"`
	FileFormat       *codeWire `json:"fileFormat,omitempty"`
}

var dataConnectors = &entitySpec[DataConnector, dataConnectorWire]{
	docs: entityDocs{
		one: "data connector", many: "data connectors", collection: CollectionDataConnectors,
		read: "IndustryData-DataConnector.Read.All", write: "IndustryData-DataConnector.ReadWrite.All",
		itemPage: "industrydata-industrydataconnector", rootTag: "dataconnectors",
	},
	// sourceSystem is not in the update tables: create-only (an assumption,
	// see the resources' docs). Every PATCH names the subtype, so that the
	// service reads the subtype's properties.
	updatable: []string{"displayName", "fileFormat"},
	always:    []string{"@odata.type"},
	toWire: func(c *Client, d DataConnector) dataConnectorWire {
		w := dataConnectorWire{ODataType: odataTypePrefix + d.Type, ID: d.ID, DisplayName: d.DisplayName}
		if d.SourceSystemID != "" {
			w.SourceSystemBind = c.BindURL(CollectionSourceSystems, d.SourceSystemID)
		}
		if d.Type == ConnectorAzureDataLake {
			w.FileFormat = &codeWire{d.FileFormat}
		}
		return w
	},
	fromWire: func(w dataConnectorWire) DataConnector {
		return DataConnector{
			Type: trimODataType(w.ODataType), ID: w.ID, DisplayName: w.DisplayName, FileFormat: codeOf(w.FileFormat),
		}
	},
}

func init() { dataConnectors.kinds = registerEntity(dataConnectors.docs) }

// trimODataType is an @odata.type without "#microsoft.graph.industryData.".
func trimODataType(t string) string {
	if len(t) > len(odataTypePrefix) && t[:len(odataTypePrefix)] == odataTypePrefix {
		return t[len(odataTypePrefix):]
	}
	return t
}

// GetDataConnector reads one data connector, of either subtype.
func (c *Client) GetDataConnector(ctx context.Context, id string) (*DataConnector, error) {
	return dataConnectors.get(ctx, c, id)
}

// ConnectorSourceSystemID reads the id of the source system a data
// connector belongs to (GET /dataConnectors/{id}/sourceSystem).
func (c *Client) ConnectorSourceSystemID(ctx context.Context, id string) (string, error) {
	return dataConnectors.relatedID(ctx, c, id, "sourceSystem")
}

// ListDataConnectors reads every data connector, all pages.
func (c *Client) ListDataConnectors(ctx context.Context) ([]DataConnector, error) {
	return dataConnectors.list(ctx, c)
}

// CreateDataConnector creates a data connector of d.Type (its ID is ignored).
func (c *Client) CreateDataConnector(ctx context.Context, d DataConnector) (*DataConnector, error) {
	d.ID = ""
	return dataConnectors.create(ctx, c, d)
}

// UpdateDataConnector sends one PATCH of what differs between prior and
// desired (with the subtype's @odata.type) and returns the connector as
// Graph now holds it; nil when nothing differs (no request).
func (c *Client) UpdateDataConnector(ctx context.Context, id string, prior, desired DataConnector) (*DataConnector, error) {
	return dataConnectors.update(ctx, c, id, prior, desired)
}

// DeleteDataConnector deletes a data connector; one already gone is no error.
func (c *Client) DeleteDataConnector(ctx context.Context, id string) error {
	return dataConnectors.delete(ctx, c, id)
}
