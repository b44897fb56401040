/** The GraphQL each page runs: the public API's own answers, so a page shows exactly what the API says. */

export const COUNTRIES_PAGE = `query CountriesPage {
  countries {
    code name localNames { locale name } recordCount
    stats { commitments overdueCommitments activeTaskForces personsArrested journalistsDetained shutdownOperations }
  }
}`;

const SOURCES = 'sources { url title publisher quote publishedOn }';

export const COUNTRY_PAGE = `query CountryPage($code: String!, $asOf: DateTime) {
  country(code: $code, asOf: $asOf) {
    code name asOf localNames { locale name } recordCount
    stats {
      meetingsAttended commitments overdueCommitments activeTaskForces arrestOperations personsArrested
      nationalsArrestedElsewhere openDetentionCases journalistsDetained detentionDays shutdownOperations
      commitmentsByImplementation { status count }
    }
    commitments(first: 50) {
      totalCount
      edges { node {
        id text occurred { startDay } deadline { date precision }
        signatories { country { code name } implementation overdue }
      } }
    }
    timeline(first: 100) {
      totalCount
      edges { node { id kind retracted occurred { startDay } } }
    }
    detentions(open: true, first: 50) {
      totalCount
      edges { node {
        id status daysDetained daysDetainedApproximate lastReportedOn occurred { startDay }
        persons { name role } charges
      } }
    }
    taskForces: timeline(kinds: [TASK_FORCE], first: 50) {
      totalCount
      edges { node { id occurred { startDay } ... on TaskForce { name memberAgencies active } } }
    }
    figures(first: 20) {
      totalCount
      edges { node {
        indicator officialCount independentCount
        official(first: 20) { id value unit claimant claimantId occurred { startDay } }
        independent(first: 20) { id value unit claimant claimantId occurred { startDay } }
      } }
    }
  }
}`;

export const COUNTRY_RECORDS_PAGE = `query CountryRecordsPage($code: String!, $kinds: [RecordKind!], $after: String) {
  country(code: $code) {
    code name
    timeline(kinds: $kinds, first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind retracted occurred { startDay } } }
    }
  }
}`;

export const RECORD_PAGE = `query RecordPage($id: ID!, $historyAfter: String, $referencesAfter: String) {
  record(id: $id) {
    id kind retracted retractionReason confidence recordedAt recordedBy updatedAt updatedBy
    countries { code role name }
    occurred { startDay endDay }
    ${SOURCES}
    ... on Meeting { title place bodies outcomeSummary }
    ... on Commitment { text theme deadline { date } signatories { country { code } implementation overdue } }
    ... on TaskForce { name mandate memberAgencies active }
    ... on Arrest { personsArrested place charges }
    ... on Detention { status persons { name role } reason charges daysDetained daysDetainedApproximate }
    ... on Shutdown { count target action categories authority }
    ... on Figure { indicator value unit qualifier claimant claimantId provenance }
    ... on Statement { speaker speakerId office quote venue }
    ... on Actor {
      name actorType names { value language } aliases description merger { into reason }
      references(first: 100, after: $referencesAfter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { role record { id kind occurred { startDay } } } }
      }
    }
    ... on Allegation { claim allegedBy about allegationStatus }
  }
  history(recordId: $id, first: 50, after: $historyAfter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { type revision recordedAt actor data } }
  }
}`;
