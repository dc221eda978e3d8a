package connector

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// oneRosterModel mirrors the resource's schema; a nil block is absent.
type oneRosterModel struct {
	ID                    types.String   `tfsdk:"id"`
	DisplayName           types.String   `tfsdk:"display_name"`
	SourceSystemID        types.String   `tfsdk:"source_system_id"`
	BaseURL               types.String   `tfsdk:"base_url"`
	APIVersion            types.String   `tfsdk:"api_version"`
	IsDemographicsEnabled types.Bool     `tfsdk:"is_demographics_enabled"`
	IsFlagsEnabled        types.Bool     `tfsdk:"is_flags_enabled"`
	IsContactsEnabled     types.Bool     `tfsdk:"is_contacts_enabled"`
	OAuth1                *secrets       `tfsdk:"oauth1"`
	OAuth2                *oauth2Model   `tfsdk:"oauth2"`
	CredentialIsValid     types.Bool     `tfsdk:"credential_is_valid"`
	CredentialLastValid   types.String   `tfsdk:"credential_last_valid_date_time"`
	Validate              types.Bool     `tfsdk:"validate"`
	LastValidation        types.Object   `tfsdk:"last_validation"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

// secrets are the attributes of both credential blocks (all of oauth1).
type secrets struct {
	ClientID              types.String `tfsdk:"client_id"`
	ClientSecret          types.String `tfsdk:"client_secret"`
	ClientSecretWO        types.String `tfsdk:"client_secret_wo"`
	ClientSecretWOVersion types.Int64  `tfsdk:"client_secret_wo_version"`
}

type oauth2Model struct {
	secrets
	TokenURL types.String `tfsdk:"token_url"`
	Scope    types.String `tfsdk:"scope"`
}

// secretsOf is the given block's shared attributes (a zero value, not
// stored anywhere, when neither block is given).
func (m *oneRosterModel) secretsOf() *secrets {
	switch {
	case m.OAuth1 != nil:
		return m.OAuth1
	case m.OAuth2 != nil:
		return &m.OAuth2.secrets
	}
	return &secrets{}
}

func (m oneRosterModel) sameCredentialType(o oneRosterModel) bool {
	return (m.OAuth1 != nil) == (o.OAuth1 != nil) && (m.OAuth2 != nil) == (o.OAuth2 != nil)
}

// secret is the value to send: the sensitive one, else the write-only one
// (present only when the configuration's was copied in for a request).
func (s *secrets) secret() string {
	if !s.ClientSecret.IsNull() {
		return s.ClientSecret.ValueString()
	}
	return s.ClientSecretWO.ValueString()
}

// common points at the attributes every connector has.
func (m *oneRosterModel) common() commonFields {
	return commonFields{ID: &m.ID, SourceSystemID: &m.SourceSystemID, Validate: &m.Validate, LastValidation: &m.LastValidation, Timeouts: &m.Timeouts}
}

func (m oneRosterModel) toGraph() graph.DataConnector {
	d := graph.DataConnector{
		Type: graph.ConnectorOneRosterAPI, ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString(),
		SourceSystemID: m.SourceSystemID.ValueString(), BaseURL: m.BaseURL.ValueString(), APIVersion: m.APIVersion.ValueString(),
		IsDemographicsEnabled: m.IsDemographicsEnabled.ValueBool(), IsFlagsEnabled: m.IsFlagsEnabled.ValueBool(),
		IsContactsEnabled: m.IsContactsEnabled.ValueBool(),
	}
	switch {
	case m.OAuth1 != nil:
		d.Credential = &graph.OAuthCredential{Type: graph.CredentialOAuth1, ClientID: m.OAuth1.ClientID.ValueString(), ClientSecret: m.OAuth1.secret()}
	case m.OAuth2 != nil:
		d.Credential = &graph.OAuthCredential{
			Type: graph.CredentialOAuth2, ClientID: m.OAuth2.ClientID.ValueString(), ClientSecret: m.OAuth2.secret(),
			TokenURL: m.OAuth2.TokenURL.ValueString(), Scope: m.OAuth2.Scope.ValueStringPointer(),
		}
	}
	return d
}

// oneRosterFromGraph is the model of what Graph holds. What Graph never
// returns comes from known: the source system and the client secret (or
// its write-only version; the write-only value itself is never kept). A
// credential of another type than known's has no secret in state.
func oneRosterFromGraph(d *graph.DataConnector, known oneRosterModel) oneRosterModel {
	m := oneRosterModel{
		ID: types.StringValue(d.ID), DisplayName: types.StringValue(d.DisplayName), SourceSystemID: known.SourceSystemID,
		BaseURL: types.StringValue(d.BaseURL), APIVersion: types.StringValue(d.APIVersion),
		IsDemographicsEnabled: types.BoolValue(d.IsDemographicsEnabled), IsFlagsEnabled: types.BoolValue(d.IsFlagsEnabled),
		IsContactsEnabled: types.BoolValue(d.IsContactsEnabled),
		CredentialIsValid: types.BoolNull(), CredentialLastValid: types.StringNull(), Timeouts: known.Timeouts,
		Validate: validateOrFalse(known.Validate), LastValidation: knownValidation(known.LastValidation),
	}
	cr := d.Credential
	if cr == nil {
		return m
	}
	m.CredentialIsValid, m.CredentialLastValid = types.BoolPointerValue(cr.IsValid), types.StringPointerValue(cr.LastValidDateTime)
	kept := func(knownBlock *secrets) secrets {
		s := secrets{ClientID: types.StringValue(cr.ClientID), ClientSecret: types.StringNull(), ClientSecretWO: types.StringNull(), ClientSecretWOVersion: types.Int64Null()}
		if knownBlock != nil {
			s.ClientSecret, s.ClientSecretWOVersion = knownBlock.ClientSecret, knownBlock.ClientSecretWOVersion
		}
		return s
	}
	switch cr.Type {
	case graph.CredentialOAuth1:
		s := kept(known.OAuth1)
		m.OAuth1 = &s
	case graph.CredentialOAuth2:
		var knownBlock *secrets
		if known.OAuth2 != nil {
			knownBlock = &known.OAuth2.secrets
		}
		m.OAuth2 = &oauth2Model{secrets: kept(knownBlock), TokenURL: types.StringValue(cr.TokenURL), Scope: types.StringPointerValue(cr.Scope)}
	}
	return m
}
