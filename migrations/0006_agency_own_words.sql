-- Seeded pages corrected (issue 12): the five strategic imperatives in the agency's own words,
-- and /threats listing its six threats once. Only a page still holding the old seeded text,
-- with no draft newer than its live version, is corrected: by a new revision, which is then
-- made live. Staff changes are never overwritten.
INSERT INTO revisions (kind, content_id, data, author_id, note) SELECT 'page', id, json_object('path', path, 'parentId', parent_id, 'title', title, 'summary', summary, 'body', '## Our statutory functions

The Serious Organised Crime and Police Act 2005 gives SOCA three functions:

- preventing and detecting serious organised crime;
- contributing to the reduction of such crime in other ways and to the mitigation of its
  consequences;
- gathering, storing, analysing and sharing information about crime.

## Our strategic imperatives

The SOCA Board has agreed five broad priorities, called “strategic imperatives”, which apply to
every part of SOCA’s business:

### 1. Build knowledge and understanding

This applies not just to serious organised crime, but to the harm it causes, and the most
effective ways of tackling it. This is a priority, set by ministers, to which everyone in SOCA
contributes. Improved knowledge and understanding are not ends in themselves but allow us to
identify how best to deploy operational capabilities, prioritise the most appropriate targets
and thereby to maximise impact.

### 2. Tackle criminal finances and profits, including through asset recovery

We know that this has a strong effect on criminal behaviour and we believe that it’s right to
deny organised criminals their profits. Progress here isn’t measured only by the criminal money
and assets we seize and recover at home and abroad. Its success also lies in constraining
criminal activity, undermining criminal confidence, and the reduction in harm caused as a
result.

### 3. Increase the risk to serious organised criminals

We will continue to use the criminal justice system with determination and high standards, and
with the close involvement of prosecutors. We will also identify and employ other ways to
disrupt criminals at home and overseas, for example through immigration powers.

We also aim to ensure that serious organised criminals cannot manage their criminal businesses
while in prison and that they find it difficult to pick up their activities when released.

### 4. Collaborate with and support partners, both in the UK and abroad

To achieve impact, we need to maximise our resources. This means maintaining strong and trusting
relationships with others, so that we can all be more effective. It includes working with those
who have not hitherto been actively involved in the fight against organised crime.

SOCA works with partners on criminal justice casework and also to apply our other capabilities
to criminal individuals and groups.

We don’t compete with others in law enforcement but will provide such operational and other
support as we can within the resources available, as envisaged in the Serious Organised Crime
and Police Act 2005.

### 5. Build on our capacity to make a difference

SOCA will continue to develop the skills and techniques to deal effectively with organised
crime. We are investing in and using technology to support flexible and modern working
practices.

We need to keep pace with, and anticipate, changes in the technology and tactics that criminals
use to try to evade detection.

## Our values

In everything we do we aim to act with integrity, to be professional and fair, to respect the
rights of everyone we deal with, and to be accountable for the use of our
[powers](/about/powers) and of public money.
', 'navOrder', nav_order), NULL, 'The agency''s own words' FROM pages WHERE path = '/about/objectives-and-values' AND body = '## Our statutory functions

The Serious Organised Crime and Police Act 2005 gives SOCA three functions:

- preventing and detecting serious organised crime;
- contributing to the reduction of such crime in other ways and to the mitigation of its
  consequences;
- gathering, storing, analysing and sharing information about crime.

## Our strategic imperatives

The SOCA Board has agreed five broad priorities, called "strategic imperatives", which apply to
every part of SOCA''s business.

### 1. Build knowledge and understanding

This applies not just to serious organised crime, but to the harm it causes, and the most
effective ways of tackling it. This is a priority, set by ministers, to which everyone in SOCA
contributes. Improved knowledge and understanding are not ends in themselves but allow us to
identify how best to deploy operational capabilities, prioritise the most appropriate targets
and thereby to maximise impact.

### 2. Tackle criminal finances and profits, including through asset recovery

We know that this has a strong effect on criminal behaviour and we believe that it''s right to
deny organised criminals their profits. Progress here isn''t measured only by the criminal money
and assets we seize and recover at home and abroad. Its success also lies in constraining
criminal activity, undermining criminal confidence, and the reduction in harm caused as a
result.

### 3. Increase the risk to serious organised criminals

We will continue to use the criminal justice system with determination and high standards, and
with the close involvement of prosecutors from the start of each case. We will also use civil
and other powers where they offer a better way to disrupt criminals and their businesses.

### 4. Collaborate with partners

We will join up domestic and international efforts to reduce harm, working with police forces,
other government bodies, the private sector and overseas partners to make the UK a hostile
environment for serious organised criminals.

### 5. Provide high-quality support to operational partners

We will provide agreed levels of specialist support, intelligence and capabilities to the police
and other partners, and draw on their support in return.

## Our values

In everything we do we aim to act with integrity, to be professional and fair, to respect the
rights of everyone we deal with, and to be accountable for the use of our
[powers](/about/powers) and of public money.
' AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.id > coalesce(pages.published_revision_id, 0));
--> statement-breakpoint
UPDATE pages SET body = '## Our statutory functions

The Serious Organised Crime and Police Act 2005 gives SOCA three functions:

- preventing and detecting serious organised crime;
- contributing to the reduction of such crime in other ways and to the mitigation of its
  consequences;
- gathering, storing, analysing and sharing information about crime.

## Our strategic imperatives

The SOCA Board has agreed five broad priorities, called “strategic imperatives”, which apply to
every part of SOCA’s business:

### 1. Build knowledge and understanding

This applies not just to serious organised crime, but to the harm it causes, and the most
effective ways of tackling it. This is a priority, set by ministers, to which everyone in SOCA
contributes. Improved knowledge and understanding are not ends in themselves but allow us to
identify how best to deploy operational capabilities, prioritise the most appropriate targets
and thereby to maximise impact.

### 2. Tackle criminal finances and profits, including through asset recovery

We know that this has a strong effect on criminal behaviour and we believe that it’s right to
deny organised criminals their profits. Progress here isn’t measured only by the criminal money
and assets we seize and recover at home and abroad. Its success also lies in constraining
criminal activity, undermining criminal confidence, and the reduction in harm caused as a
result.

### 3. Increase the risk to serious organised criminals

We will continue to use the criminal justice system with determination and high standards, and
with the close involvement of prosecutors. We will also identify and employ other ways to
disrupt criminals at home and overseas, for example through immigration powers.

We also aim to ensure that serious organised criminals cannot manage their criminal businesses
while in prison and that they find it difficult to pick up their activities when released.

### 4. Collaborate with and support partners, both in the UK and abroad

To achieve impact, we need to maximise our resources. This means maintaining strong and trusting
relationships with others, so that we can all be more effective. It includes working with those
who have not hitherto been actively involved in the fight against organised crime.

SOCA works with partners on criminal justice casework and also to apply our other capabilities
to criminal individuals and groups.

We don’t compete with others in law enforcement but will provide such operational and other
support as we can within the resources available, as envisaged in the Serious Organised Crime
and Police Act 2005.

### 5. Build on our capacity to make a difference

SOCA will continue to develop the skills and techniques to deal effectively with organised
crime. We are investing in and using technology to support flexible and modern working
practices.

We need to keep pace with, and anticipate, changes in the technology and tactics that criminals
use to try to evade detection.

## Our values

In everything we do we aim to act with integrity, to be professional and fair, to respect the
rights of everyone we deal with, and to be accountable for the use of our
[powers](/about/powers) and of public money.
', updated_at = cast(unixepoch('subsec') * 1000 as integer), published_revision_id = (SELECT max(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.note = 'The agency''s own words') WHERE path = '/about/objectives-and-values' AND body = '## Our statutory functions

The Serious Organised Crime and Police Act 2005 gives SOCA three functions:

- preventing and detecting serious organised crime;
- contributing to the reduction of such crime in other ways and to the mitigation of its
  consequences;
- gathering, storing, analysing and sharing information about crime.

## Our strategic imperatives

The SOCA Board has agreed five broad priorities, called "strategic imperatives", which apply to
every part of SOCA''s business.

### 1. Build knowledge and understanding

This applies not just to serious organised crime, but to the harm it causes, and the most
effective ways of tackling it. This is a priority, set by ministers, to which everyone in SOCA
contributes. Improved knowledge and understanding are not ends in themselves but allow us to
identify how best to deploy operational capabilities, prioritise the most appropriate targets
and thereby to maximise impact.

### 2. Tackle criminal finances and profits, including through asset recovery

We know that this has a strong effect on criminal behaviour and we believe that it''s right to
deny organised criminals their profits. Progress here isn''t measured only by the criminal money
and assets we seize and recover at home and abroad. Its success also lies in constraining
criminal activity, undermining criminal confidence, and the reduction in harm caused as a
result.

### 3. Increase the risk to serious organised criminals

We will continue to use the criminal justice system with determination and high standards, and
with the close involvement of prosecutors from the start of each case. We will also use civil
and other powers where they offer a better way to disrupt criminals and their businesses.

### 4. Collaborate with partners

We will join up domestic and international efforts to reduce harm, working with police forces,
other government bodies, the private sector and overseas partners to make the UK a hostile
environment for serious organised criminals.

### 5. Provide high-quality support to operational partners

We will provide agreed levels of specialist support, intelligence and capabilities to the police
and other partners, and draw on their support in return.

## Our values

In everything we do we aim to act with integrity, to be professional and fair, to respect the
rights of everyone we deal with, and to be accountable for the use of our
[powers](/about/powers) and of public money.
' AND status = 'published' AND (SELECT max(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.note = 'The agency''s own words') = (SELECT max(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id);
--> statement-breakpoint
INSERT INTO revisions (kind, content_id, data, author_id, note) SELECT 'page', id, json_object('path', path, 'parentId', parent_id, 'title', title, 'summary', summary, 'body', '## The harm serious organised crime causes

Serious organised criminals are in business to make money, and they move between kinds of crime
wherever the profits are greatest and the risks lowest. The Home Office has estimated that
serious organised crime costs the UK more than £20 billion a year, but the real cost also lies
in addiction, violence, exploitation and fear in communities across the country.

SOCA tackles serious organised crime that harms the UK and our citizens. Each of the threats
our work covers has its own page, listed under "In this section" below.

## How the threats connect

These threats rarely exist in isolation. The same criminal networks may import drugs, smuggle
people, commit fraud and launder the proceeds, and they rely on the same services: false
documents, corrupt insiders, transport and ways to move money. That is why SOCA looks at
criminal networks as a whole and at the weak points they share, rather than at each crime on
its own.

## What you can do

Each threat page explains how to protect yourself and how to report what you know. Our
[Protecting yourself](/protecting-yourself) pages give practical advice. If a crime is happening
now, call 999. To pass on information anonymously, call Crimestoppers on 0800 555 111.
', 'navOrder', nav_order), NULL, 'The agency''s own words' FROM pages WHERE path = '/threats' AND body = '## The harm serious organised crime causes

Serious organised criminals are in business to make money, and they move between kinds of crime
wherever the profits are greatest and the risks lowest. The Home Office has estimated that
serious organised crime costs the UK more than £20 billion a year, but the real cost also lies
in addiction, violence, exploitation and fear in communities across the country.

SOCA tackles serious organised crime that harms the UK and our citizens. Our work covers the
following threats.

- [Class A drugs](/threats/class-a-drugs): the trafficking of cocaine, heroin and other Class A
  drugs into and within the UK.
- [People smuggling and human trafficking](/threats/people-smuggling-and-human-trafficking):
  organised immigration crime and the exploitation of trafficked people.
- [Gun crime](/threats/gun-crime): the supply of illegal firearms to criminals.
- [Fraud](/threats/fraud): mass-marketing scams, identity fraud and fraud against businesses.
- [Computer crime](/threats/computer-crime): crime committed online and against computer
  systems.
- [Money laundering](/threats/money-laundering): hiding and moving the proceeds of crime.

## How the threats connect

These threats rarely exist in isolation. The same criminal networks may import drugs, smuggle
people, commit fraud and launder the proceeds, and they rely on the same services: false
documents, corrupt insiders, transport and ways to move money. That is why SOCA looks at
criminal networks as a whole and at the weak points they share, rather than at each crime on
its own.

## What you can do

Each threat page explains how to protect yourself and how to report what you know. Our
[Protecting yourself](/protecting-yourself) pages give practical advice. If a crime is happening
now, call 999. To pass on information anonymously, call Crimestoppers on 0800 555 111.
' AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.id > coalesce(pages.published_revision_id, 0));
--> statement-breakpoint
UPDATE pages SET body = '## The harm serious organised crime causes

Serious organised criminals are in business to make money, and they move between kinds of crime
wherever the profits are greatest and the risks lowest. The Home Office has estimated that
serious organised crime costs the UK more than £20 billion a year, but the real cost also lies
in addiction, violence, exploitation and fear in communities across the country.

SOCA tackles serious organised crime that harms the UK and our citizens. Each of the threats
our work covers has its own page, listed under "In this section" below.

## How the threats connect

These threats rarely exist in isolation. The same criminal networks may import drugs, smuggle
people, commit fraud and launder the proceeds, and they rely on the same services: false
documents, corrupt insiders, transport and ways to move money. That is why SOCA looks at
criminal networks as a whole and at the weak points they share, rather than at each crime on
its own.

## What you can do

Each threat page explains how to protect yourself and how to report what you know. Our
[Protecting yourself](/protecting-yourself) pages give practical advice. If a crime is happening
now, call 999. To pass on information anonymously, call Crimestoppers on 0800 555 111.
', updated_at = cast(unixepoch('subsec') * 1000 as integer), published_revision_id = (SELECT max(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.note = 'The agency''s own words') WHERE path = '/threats' AND body = '## The harm serious organised crime causes

Serious organised criminals are in business to make money, and they move between kinds of crime
wherever the profits are greatest and the risks lowest. The Home Office has estimated that
serious organised crime costs the UK more than £20 billion a year, but the real cost also lies
in addiction, violence, exploitation and fear in communities across the country.

SOCA tackles serious organised crime that harms the UK and our citizens. Our work covers the
following threats.

- [Class A drugs](/threats/class-a-drugs): the trafficking of cocaine, heroin and other Class A
  drugs into and within the UK.
- [People smuggling and human trafficking](/threats/people-smuggling-and-human-trafficking):
  organised immigration crime and the exploitation of trafficked people.
- [Gun crime](/threats/gun-crime): the supply of illegal firearms to criminals.
- [Fraud](/threats/fraud): mass-marketing scams, identity fraud and fraud against businesses.
- [Computer crime](/threats/computer-crime): crime committed online and against computer
  systems.
- [Money laundering](/threats/money-laundering): hiding and moving the proceeds of crime.

## How the threats connect

These threats rarely exist in isolation. The same criminal networks may import drugs, smuggle
people, commit fraud and launder the proceeds, and they rely on the same services: false
documents, corrupt insiders, transport and ways to move money. That is why SOCA looks at
criminal networks as a whole and at the weak points they share, rather than at each crime on
its own.

## What you can do

Each threat page explains how to protect yourself and how to report what you know. Our
[Protecting yourself](/protecting-yourself) pages give practical advice. If a crime is happening
now, call 999. To pass on information anonymously, call Crimestoppers on 0800 555 111.
' AND status = 'published' AND (SELECT max(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.note = 'The agency''s own words') = (SELECT max(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id);
--> statement-breakpoint
-- Cached pages are refreshed.
UPDATE settings SET value = CAST(cast(unixepoch('subsec') * 1000 as integer) AS TEXT) WHERE key = 'content_version';
