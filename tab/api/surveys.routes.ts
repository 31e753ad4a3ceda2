/**
 * Pulse surveys (issue 17). The routes, who may call them and their answers:
 *
 * | method | path | who | answer |
 * |---|---|---|---|
 * | GET  | /api/v1/survey-templates | admin | 200 SurveyTemplates |
 * | GET  | /api/v1/surveys | admin (all), manager (launched ones) | 200 SurveyList |
 * | POST | /api/v1/surveys | admin | 201 CreatedSurvey; 422 bad survey |
 * | GET  | /api/v1/surveys/:id | admin | 200 Survey; 404 |
 * | PUT  | /api/v1/surveys/:id | admin | 200 Survey (NewSurvey body); 404; 409 once launched; 422 |
 * | GET  | /api/v1/surveys/:id/card?locale=&page= | admin | 200 SurveyCardPreview; 404 |
 * | POST | /api/v1/surveys/:id/launch | admin | 202 SurveyLaunch; 404; 409 launched already; 422 dates past |
 * | POST | /api/v1/surveys/:id/reminders | admin | 202 SurveyLaunch (a reminder to non-respondents); 404; 409 not open |
 * | POST | /api/v1/surveys/:id/close | admin | 200 Survey; 404; 409 not launched or closed already |
 * | GET  | /api/v1/surveys/:id/results[?department=] | admin; manager (departments of their subtree) | 200 SurveyResults; 403 department outside the scope; 404; 409 draft |
 * | GET  | /api/v1/surveys/:id/results.csv[?department=] | same | 200 text/csv: one line per question × value (and each text answer at ≥ 10), the same suppression |
 *
 * Errors are problem+json in the caller's language (401 unauthenticated, 403 role, 429 limits).
 */
