# A grade level the tenant's data uses that School Data Sync does not have
# built in. Its id is "RefGradeLevel-PostGraduate".
resource "industrydata_reference_definition" "post_graduate" {
  reference_type = "RefGradeLevel"
  code           = "PostGraduate"
  display_name   = "Post graduate"
  sort_index     = 20
}

# A code no longer used: disabled, not destroyed (destroying one only
# disables it too, as Microsoft Graph cannot delete reference definitions).
resource "industrydata_reference_definition" "legacy_subject" {
  reference_type = "RefAcademicSubject"
  code           = "Latin"
  display_name   = "Latin"
  sort_index     = 40
  is_disabled    = true
}
