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

	// oneRosterApiDataConnector (apiFormat is always oneRoster)
	BaseURL               string
	APIVersion            string // 1.1, 1.2
	IsDemographicsEnabled bool
	IsFlagsEnabled        bool
	IsContactsEnabled     bool
	Credential            *OAuthCredential
}

// Credential types: Graph's names of the two oAuthClientCredential subtypes.
const (
	CredentialOAuth1 = "oAuth1ClientCredential"
	CredentialOAuth2 = "oAuth2ClientCredential"
)

// OAuthCredential is how a OneRoster connector signs in to the API.
// ClientSecret is write-only: sent, never returned (empty after a read).
// IsValid and LastValidDateTime are read-only, set by Graph's validate.
type OAuthCredential struct {
	Type              string // CredentialOAuth1 or CredentialOAuth2
	ClientID          string
	ClientSecret      string
	TokenURL          string  // oAuth2 only
	Scope             *string // oAuth2 only; nil when unset
	IsValid           *bool
	LastValidDateTime *string
}

// dataConnectorWire is an industryDataConnector's JSON, both subtypes: the
// properties of the other subtype are left out (omitempty).
type dataConnectorWire struct {
	ODataType        string    `json:"@odata.type"`
	ID               string    `json:"id,omitempty"`
	DisplayName      string    `json:"displayName"`
	SourceSystemBind string    `json:"sourceSystem@odata.bind,omitempty"`
	FileFormat       *codeWire `json:"fileFormat,omitempty"`

	APIFormat             string          `json:"apiFormat,omitempty"`
	BaseURL               string          `json:"baseUrl,omitempty"`
	APIVersion            string          `json:"apiVersion,omitempty"`
	IsDemographicsEnabled *bool           `json:"isDemographicsEnabled,omitempty"`
	IsFlagsEnabled        *bool           `json:"isFlagsEnabled,omitempty"`
	IsContactsEnabled     *bool           `json:"isContactsEnabled,omitempty"`
	Credential            *credentialWire `json:"credential,omitempty"`
}

// credentialWire is an oAuthClientCredential's JSON. The read-only
// properties are never set by toWire, so never sent.
type credentialWire struct {
	ODataType         string  `json:"@odata.type"`
	ClientID          string  `json:"clientId"`
	ClientSecret      string  `json:"clientSecret,omitempty"`
	TokenURL          string  `json:"tokenUrl,omitempty"`
	Scope             *string `json:"scope,omitempty"`
	IsValid           *bool   `json:"isValid,omitempty"`
	LastValidDateTime *string `json:"lastValidDateTime,omitempty"`
}

// apiFormatOneRoster is the only API format Graph documents.
const apiFormatOneRoster = "oneRoster"

var dataConnectors = &entitySpec[DataConnector, dataConnectorWire]{
	docs: entityDocs{
		one: "data connector", many: "data connectors", collection: CollectionDataConnectors,
		read: "IndustryData-DataConnector.Read.All", write: "IndustryData-DataConnector.ReadWrite.All",
		itemPage: "industrydata-industrydataconnector", rootTag: "dataconnectors",
	},
	// sourceSystem is not in the update tables: create-only (an assumption,
	// see the resources' docs). Every PATCH names the subtype, so that the
	// service reads the subtype's properties.
	// credential is sent whole (with its secret) when any part of it changes.
	updatable: []string{"displayName", "fileFormat", "baseUrl", "apiVersion", "isDemographicsEnabled", "isFlagsEnabled", "isContactsEnabled", "credential"},
	always:    []string{"@odata.type"},
	toWire: func(c *Client, d DataConnector) dataConnectorWire {
		w := dataConnectorWire{ODataType: odataTypePrefix + d.Type, ID: d.ID, DisplayName: d.DisplayName}
		if d.SourceSystemID != "" {
			w.SourceSystemBind = c.BindURL(CollectionSourceSystems, d.SourceSystemID)
		}
		switch d.Type {
		case ConnectorAzureDataLake:
			w.FileFormat = &codeWire{d.FileFormat}
		case ConnectorOneRosterAPI:
			w.APIFormat, w.BaseURL, w.APIVersion = apiFormatOneRoster, d.BaseURL, d.APIVersion
			w.IsDemographicsEnabled, w.IsFlagsEnabled, w.IsContactsEnabled = &d.IsDemographicsEnabled, &d.IsFlagsEnabled, &d.IsContactsEnabled
			if cr := d.Credential; cr != nil {
				w.Credential = &credentialWire{ODataType: odataTypePrefix + cr.Type, ClientID: cr.ClientID, ClientSecret: cr.ClientSecret, TokenURL: cr.TokenURL, Scope: cr.Scope}
			}
		}
		return w
	},
	fromWire: func(w dataConnectorWire) DataConnector {
		d := DataConnector{
			Type: trimODataType(w.ODataType), ID: w.ID, DisplayName: w.DisplayName, FileFormat: codeOf(w.FileFormat),
			BaseURL: w.BaseURL, APIVersion: w.APIVersion, IsDemographicsEnabled: isTrue(w.IsDemographicsEnabled),
			IsFlagsEnabled: isTrue(w.IsFlagsEnabled), IsContactsEnabled: isTrue(w.IsContactsEnabled),
		}
		if cr := w.Credential; cr != nil {
			d.Credential = &OAuthCredential{
				Type: trimODataType(cr.ODataType), ClientID: cr.ClientID, TokenURL: cr.TokenURL, Scope: cr.Scope,
				IsValid: cr.IsValid, LastValidDateTime: cr.LastValidDateTime,
			}
		}
		return d
	},
}

func init() { dataConnectors.kinds = registerEntity(dataConnectors.docs) }

func isTrue(b *bool) bool { return b != nil && *b }

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
