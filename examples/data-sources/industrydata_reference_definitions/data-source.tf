# The grade level codes of the tenant, built in and tenant defined.
data "industrydata_reference_definitions" "grades" {
  reference_type = "RefGradeLevel"
}

output "grade_levels" {
  value = { for d in data.industrydata_reference_definitions.grades.reference_definitions : d.code => d.display_name if !d.is_disabled }
}
