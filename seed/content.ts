import type { SeedContent } from './types.ts'

/** The content seed: SOCA's public pages, news articles and vacancies, in UK English. */
export const content: SeedContent = {
  siteNotice:
    'On 7 October 2013 the Serious Organised Crime Agency became part of the National Crime ' +
    'Agency, and this website is kept as a record.',

  pages: [
    {
      path: '/',
      parentPath: null,
      title: 'Serious Organised Crime Agency',
      summary:
        'The Serious Organised Crime Agency (SOCA) tackles serious organised crime that harms ' +
        'the UK and its citizens, and works to make sure that crime does not pay.',
      body: `## What we do

SOCA tackles serious organised crime that harms the UK and our citizens. This includes Class A
drugs, people smuggling and human trafficking, major gun crime, fraud, computer crime and money
laundering.

We work to put serious criminals behind bars, and use many other tactics to fight crime and keep
you safe. In particular, we want to ensure crime doesn't pay and that it's harder to commit.

SOCA officers can have the combined powers of police, customs and immigration officers. We also
have a substantial range of tools and legislation to target criminals with, from the ability to
recover assets through to serious crime prevention orders. Read more about
[the power to counter criminals](/about/powers).

## Find out more

- [About us](/about): how SOCA is run, how we work and what we are trying to achieve.
- [Threats](/threats): the kinds of serious organised crime we tackle and the harm they cause.
- [UK Human Trafficking Centre](/ukhtc): the national centre for tackling human trafficking,
  part of SOCA since 2010.
- [Financial intelligence](/financial-intelligence): the UK Financial Intelligence Unit and
  suspicious activity reports.
- [Protecting yourself](/protecting-yourself): practical advice on avoiding scams, fraud and
  other crime.
- [News](/news): announcements from SOCA.
- [Careers](/careers): working at SOCA and our current vacancies.

## Reporting a crime

You cannot report a crime through this website. In an emergency call 999. To contact the police
when it is not an emergency call 101. To pass on information anonymously, call Crimestoppers on
0800 555 111 or use the [Crimestoppers website](https://crimestoppers-uk.org). More ways to get in
touch are on our [contact page](/contact).
`,
      navOrder: null,
    },

    // About us
    {
      path: '/about',
      parentPath: null,
      title: 'About us',
      summary:
        'SOCA is an intelligence-led agency with law enforcement powers and harm reduction ' +
        'responsibilities, created by the Serious Organised Crime and Police Act 2005.',
      body: `## Who we are

The Serious Organised Crime Agency (SOCA) is an intelligence-led agency with law enforcement
powers and harm reduction responsibilities. Harm in this context is the damage caused to people
and communities by serious organised crime.

SOCA was created by the Serious Organised Crime and Police Act 2005 and began work on
1 April 2006. It brought together the National Crime Squad, the National Criminal Intelligence
Service, the investigation and intelligence work of HM Revenue and Customs on serious drug
trafficking, and the Immigration Service's work on organised immigration crime.

Since then SOCA has taken on further responsibilities:

- the Assets Recovery Agency joined SOCA in April 2008, bringing powers to recover criminal
  property through the civil courts;
- the UK Financial Intelligence Unit, which receives suspicious activity reports, is part of
  SOCA;
- the UK Human Trafficking Centre became part of SOCA in April 2010.

On 7 October 2013 SOCA became part of the
[National Crime Agency](https://www.nationalcrimeagency.gov.uk).

## What we tackle

Our work covers Class A drugs, people smuggling and human trafficking, major gun crime, fraud,
computer crime and money laundering. You can read about each of these on our
[threats pages](/threats).

## In this section

- [How we are run](/about/how-we-are-run): our Board, our accountability and how our priorities
  are set.
- [How we work](/about/how-we-work): intelligence, enforcement and the other tactics we use.
- [Structure](/about/structure): how SOCA is organised in the UK and overseas.
- [Objectives and values](/about/objectives-and-values): our statutory functions and our five
  strategic imperatives.
- [The power to counter criminals](/about/powers): the legal powers and tools available to us.
`,
      navOrder: 1,
    },
    {
      path: '/about/how-we-are-run',
      parentPath: '/about',
      title: 'How we are run',
      summary:
        'SOCA is an executive non-departmental public body, sponsored by but operationally ' +
        'independent from the Home Office, and governed by the SOCA Board.',
      body: `## Our status

The Serious Organised Crime Agency is an executive non-departmental public body sponsored by,
but operationally independent from, the Home Office. It was established as a body corporate by
the Serious Organised Crime and Police Act 2005 and operates across England, Wales, Scotland
and Northern Ireland.

## How our priorities are set

The Home Secretary may set SOCA strategic priorities and will judge the success of its efforts.
Within that framework, SOCA plans its priorities, including how it will exercise the functions
given to it by statute, and what performance measures it will adopt.

Before each financial year we publish an annual plan setting out our priorities and how we will
measure progress. At the end of the year we publish an annual report on what we have achieved.
Both are laid before Parliament.

## The SOCA Board

SOCA is governed by a Board made up of:

- a Chair, appointed by the Home Secretary;
- the Director General, who has operational responsibility for everything SOCA does;
- executive directors, who lead SOCA's main areas of work;
- non-executive members, who bring independent experience from outside law enforcement.

The Board sets SOCA's direction, agrees the annual plan and holds the executive to account for
performance, the use of public money and the proper use of our powers.

## Oversight and complaints

SOCA is subject to the same kinds of scrutiny as police forces. Her Majesty's Inspectorate of
Constabulary can inspect our work. Serious complaints about SOCA officers in England and Wales
are dealt with by the Independent Police Complaints Commission, and in Northern Ireland by the
Police Ombudsman. Our use of covert techniques is overseen by the independent commissioners
appointed under the Regulation of Investigatory Powers Act 2000.

Read more about [how we work](/about/how-we-work) and our
[objectives and values](/about/objectives-and-values).
`,
      navOrder: 1,
    },
    {
      path: '/about/how-we-work',
      parentPath: '/about',
      title: 'How we work',
      summary:
        'We use traditional law enforcement methods, investigating and arresting criminals, and ' +
        'innovative new approaches to prevent crime from happening in the first place.',
      body: `## An intelligence-led agency

SOCA's aim is to reduce the harm that serious organised crime causes to the UK. Arrests and
seizures matter, but they are a means to that end. We use intelligence to understand which
criminals and criminal markets cause the most harm, and then choose the response most likely to
reduce it.

## New ways of fighting crime

We use traditional law enforcement methods: investigating, and arresting criminals. We also draw
on innovative new approaches to prevent crimes from happening in the first place. Here are some
examples.

### First-class intelligence

We use all kinds of ways to gather the knowledge we need to know where, when and how to strike
to best effect.

### Monitoring serious career criminals

In some cases we watch them for life, to prevent them from continuing their criminal activities
in prison or after release.

### Hitting them where it hurts

We take criminals' cash and property. For many serious criminals, this worries them more than
the prospect of going to prison. Every SOCA investigation includes a financial investigation.

### Working in partnership

Serious organised crime is a major problem that affects everyone, so we co-operate with law
enforcement, public and private sector partners to counter it. That includes police forces,
the UK Border Agency, HM Revenue and Customs, banks, and industries that criminals try to
exploit.

### Worldwide operations

We go anywhere we need to when tackling criminal activity. A street drug dealer in the UK is only
the last link in a chain that may reach back to another continent, so SOCA officers work with
law enforcement agencies overseas to disrupt that chain as close to its source as possible.

## Making crime harder to commit

Much of our work is about prevention: warning the public and businesses about new scams, closing
loopholes that criminals exploit, and sharing what we learn with the organisations best placed to
act on it. Our [Protecting yourself](/protecting-yourself) pages set out what you can do.

Read more about [the power to counter criminals](/about/powers).
`,
      navOrder: 2,
    },
    {
      path: '/about/structure',
      parentPath: '/about',
      title: 'Structure',
      summary:
        'SOCA has around 4,000 officers and staff working across the UK and in an international ' +
        'network of liaison officers, supported by national centres of expertise.',
      body: `## Where we came from

SOCA began work on 1 April 2006, bringing together:

- the National Crime Squad;
- the National Criminal Intelligence Service, including the National Hi-Tech Crime Unit;
- the investigation and intelligence work of HM Revenue and Customs on serious drug trafficking;
- the Immigration Service's work against organised immigration crime.

The Assets Recovery Agency became part of SOCA on 1 April 2008, and the UK Human Trafficking
Centre on 1 April 2010.

## How we are organised

SOCA is led by the Director General, who reports to the [SOCA Board](/about/how-we-are-run).
Our work is organised in directorates, each led by an executive director:

- **intelligence**, building knowledge and understanding of serious organised crime and the
  harm it causes;
- **enforcement**, carrying out investigations and operations against serious organised
  criminals, including covert and specialist operations;
- **intervention**, working with partners in the public and private sectors to make crime
  harder to commit and to recover criminal assets;
- **corporate services**, providing the people, technology, finance and security that the rest
  of SOCA depends on.

## National centres

SOCA hosts national centres that serve the whole of UK law enforcement:

- the [UK Financial Intelligence Unit](/financial-intelligence), which receives and analyses
  suspicious activity reports;
- the [UK Human Trafficking Centre](/ukhtc), which co-ordinates the response to human
  trafficking.

The Child Exploitation and Online Protection Centre is affiliated to SOCA, with its own
governance arrangements.

## Across the UK and overseas

SOCA has around 4,000 officers and staff, working from offices across England, Wales, Scotland
and Northern Ireland. Our international network of liaison officers works in more than 40
countries, alongside local law enforcement, to tackle the criminals who target the UK from
abroad.

You can find out about working for us on our [careers pages](/careers).
`,
      navOrder: 3,
    },
    {
      path: '/about/objectives-and-values',
      parentPath: '/about',
      title: 'Objectives and values',
      summary:
        'The SOCA Board has agreed five broad priorities, called strategic imperatives, which ' +
        "apply to every part of SOCA's business.",
      body: `## Our statutory functions

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
`,
      navOrder: 4,
    },
    {
      path: '/about/powers',
      parentPath: '/about',
      title: 'The power to counter criminals',
      summary:
        'SOCA officers can have the combined powers of police, customs and immigration officers, ' +
        'and we have a substantial range of tools and legislation to target criminals with.',
      body: `## Combined powers

SOCA officers can have the combined powers of police, customs and immigration officers. We also
have a substantial range of tools and legislation to target criminals with, from the ability to
recover assets through to serious crime prevention orders. We work with agencies and officials
across the UK and all over the world to help us do our job and to help them do theirs.

Under the Serious Organised Crime and Police Act 2005, the Director General can give SOCA
officers the powers of a constable, a customs officer or an immigration officer, or any
combination of the three.

## Powers under the 2005 Act

### Assisting offenders (Queen's evidence)

The Act put arrangements for offenders who help to bring others to justice on a statutory
footing. Prosecutors can offer immunity from prosecution, or an undertaking that information
will not be used against the person who gives it. Courts can reduce the sentence of an offender
who has agreed in writing to give assistance, and can review it if the help is not given.

### Disclosure notices

In investigations into serious offences such as drug trafficking, fraud and money laundering,
a prosecutor can issue a disclosure notice requiring a person to answer questions, provide
information or produce documents. Failing to comply without a reasonable excuse, or knowingly
giving false information, is a criminal offence.

### Financial reporting orders

When someone is convicted of certain offences, the court can make a financial reporting order
requiring them to report their income, assets and financial dealings regularly for years after
sentence, making it harder for them to return to crime unnoticed.

## Serious crime prevention orders

Since April 2008, under the Serious Crime Act 2007, courts can make serious crime prevention
orders against people involved in serious crime. An order can restrict their finances, travel,
communications or associates. Breaching an order is a criminal offence.

## Recovering criminal assets

We use the Proceeds of Crime Act 2002 to restrain and confiscate criminals' assets after
conviction, and to seize and forfeit criminal cash. Since the Assets Recovery Agency merged into
SOCA in 2008, we can also bring civil recovery proceedings in the High Court to recover property
obtained through unlawful conduct, even where no one has been convicted, and can use tax powers
where income is suspected to come from crime.

All of these powers are subject to the law and to [independent oversight](/about/how-we-are-run).
`,
      navOrder: 5,
    },

    // Threats
    {
      path: '/threats',
      parentPath: null,
      title: 'Threats',
      summary:
        'Serious organised crime harms individuals, communities and businesses across the UK. ' +
        'These pages describe the main threats SOCA tackles and what you can do about them.',
      body: `## The harm serious organised crime causes

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
`,
      navOrder: 2,
    },
    {
      path: '/threats/class-a-drugs',
      parentPath: '/threats',
      title: 'Class A drugs',
      summary:
        'The trafficking of Class A drugs such as cocaine and heroin is one of the most harmful ' +
        'forms of serious organised crime affecting the UK.',
      body: `## What the threat is

Class A drugs are the drugs treated as most harmful under the Misuse of Drugs Act 1971. They
include cocaine, crack cocaine, heroin and ecstasy. Almost all the cocaine and heroin used in
the UK is produced abroad: cocaine in South America and heroin mainly in Afghanistan. Organised
crime groups move these drugs along long supply chains, by sea, air, post and road, before
they are sold on British streets.

## The harm it causes

Class A drugs cause great harm to users, their families and communities:

- addiction, illness and deaths from overdose and contaminated drugs;
- acquisitive crime committed by users to fund their habit;
- violence between rival dealers and gangs, including the use of firearms;
- corruption and instability in the countries that produce the drugs and those they pass
  through.

Traffickers also cut drugs with other substances, some of them dangerous, to increase their
profits.

## What SOCA does

Tackling Class A drugs is one of SOCA's highest priorities. We:

- work with partners overseas to seize drugs as close to their source as possible, including
  at sea;
- target the organised crime groups that import and distribute drugs in the UK;
- disrupt the supply of the chemicals needed to produce drugs, and of the agents used to cut
  them;
- take the money and property that traffickers make from the trade;
- share intelligence with police forces so they can tackle supply in their areas.

## Reporting drug trafficking

If you know or suspect that someone is involved in drug trafficking, you can tell Crimestoppers
anonymously on 0800 555 111 or through the [Crimestoppers website](https://crimestoppers-uk.org).
In an emergency always call 999.

Drug trafficking is closely linked to [money laundering](/threats/money-laundering) and
[gun crime](/threats/gun-crime).
`,
      navOrder: 1,
    },
    {
      path: '/threats/people-smuggling-and-human-trafficking',
      parentPath: '/threats',
      title: 'People smuggling and human trafficking',
      summary:
        'People smugglers profit from helping people to enter the UK illegally; human ' +
        'traffickers move people in order to exploit them. SOCA tackles both.',
      body: `## What the threat is

People smuggling and human trafficking are different crimes, although the same criminals can
be involved in both.

- **People smuggling** is helping someone to enter a country illegally, in return for payment.
  The people smuggled usually agree to the journey, but are often put in great danger, hidden
  in lorries or containers or carried in unsafe boats.
- **Human trafficking** is moving people, within a country or across borders, so that they can
  be exploited. Victims may be deceived, threatened or forced. Trafficking can happen to adults
  and children, and to British citizens as well as people from abroad.

## The harm it causes

Trafficked people are exploited for sex, forced labour, domestic servitude and crime such as
cannabis cultivation and benefit fraud. They may be held in debt bondage, have their documents
taken away, and be threatened with violence against them or their families. Smuggled migrants
have died on their journeys, and many end up in debt to the criminals who brought them.

## What SOCA does

SOCA works with the UK Border Agency, police forces and partners overseas to dismantle the
networks that smuggle and traffic people. We also target the services these networks depend on,
such as forged documents and the movement of money. Since April 2010 the
[UK Human Trafficking Centre](/ukhtc) has been part of SOCA, co-ordinating the national response
to trafficking and helping to identify and protect victims.

## Spotting the signs

A person may be a victim of trafficking if they:

- are not in control of their own passport or identity documents;
- seem frightened, or appear to be controlled by someone else;
- live and work at the same address, or are moved between places;
- work very long hours for little or no pay, or owe a large debt they cannot repay.

## Reporting it

If someone is in immediate danger, call 999. Otherwise contact the police on 101, or tell
Crimestoppers anonymously on 0800 555 111.
`,
      navOrder: 2,
    },
    {
      path: '/threats/gun-crime',
      parentPath: '/threats',
      title: 'Gun crime',
      summary:
        'Illegal firearms in the hands of criminals cause death, injury and fear. SOCA works to ' +
        'cut off the supply of guns and ammunition to criminals in the UK.',
      body: `## What the threat is

The UK has strict laws on firearms, so criminals who want guns have to obtain them illegally.
Illegal firearms reach criminals in several ways:

- smuggling of weapons and ammunition from abroad, sometimes in batches;
- conversion of imitation, deactivated or gas-powered weapons so that they can fire live
  ammunition;
- theft of lawfully held firearms;
- the illegal manufacture of ammunition.

Guns are often hired out or passed between criminals, so a single weapon may be linked to
several crimes.

## The harm it causes

Most gun crime in the UK is linked to street gangs and the drugs trade. Firearms are used to
threaten, injure and kill, to protect criminal businesses and to settle disputes. Even when a
gun is not fired, its presence spreads fear in communities and puts bystanders, including
children, at risk.

## What SOCA does

SOCA focuses on the supply of illegal firearms rather than on individual shootings, which are
investigated by local police forces. We:

- target the organised crime groups that import, convert and supply firearms and ammunition;
- work with border agencies and partners overseas to stop weapons before they reach the UK;
- identify new sources of supply, such as types of weapon that can be easily converted, and
  share that knowledge with police forces and government so that loopholes can be closed;
- support police forces with intelligence and specialist capabilities in their own firearms
  investigations.

## Reporting gun crime

If you see someone with a gun, or a shooting is happening, call 999 straight away. Do not
approach anyone you believe to be armed.

If you know who has a gun or where one is hidden, you can tell Crimestoppers anonymously on
0800 555 111 or through the [Crimestoppers website](https://crimestoppers-uk.org). You will not
be asked your name and your call will not be traced.

Gun crime is closely linked to the trade in [Class A drugs](/threats/class-a-drugs).
`,
      navOrder: 3,
    },
    {
      path: '/threats/fraud',
      parentPath: '/threats',
      title: 'Fraud',
      summary:
        'Organised fraudsters target individuals, businesses and public services. Knowing how ' +
        'the common scams work is the best way to protect yourself.',
      body: `## What the threat is

Fraud is the use of deception to obtain money, goods or information. Organised criminals
commit fraud on a very large scale, often from abroad. SOCA tackles fraud including:

- **mass-marketing fraud**: fake lottery and prize draw wins, advance fee scams, bogus
  investment schemes and romance scams, sent to thousands of people at once by post, phone,
  email and social media;
- **identity fraud**: using stolen personal details to open accounts, obtain credit or take
  over existing accounts;
- **payment card fraud**: copying and selling card details;
- **fraud against businesses and the public sector**, including false invoices and tax fraud.

## The harm it causes

Fraud can cost victims their savings and their homes, and many feel ashamed and isolated.
Fraudsters often target older and vulnerable people, and may come back to the same victims
again and again. The money made from fraud pays for other serious crime.

## What SOCA does

We work with banks, Royal Mail, telephone companies and overseas partners to stop scams
reaching people, to close down the accounts and services fraudsters use, and to prosecute the
criminals behind them. We also share what we learn about new scams so the public and businesses
can protect themselves.

## Protecting yourself

- If something sounds too good to be true, it probably is.
- You cannot win a lottery or prize draw you did not enter.
- Never pay a fee in advance to receive winnings, a loan or an inheritance.
- Never give your bank details, PIN or passwords to anyone who contacts you out of the blue.
- SOCA will never contact you asking for money, or asking you to confirm your bank details.
  Letters and emails that claim to come from SOCA and make such requests are scams.

## Reporting fraud

If you think you have been the victim of fraud, report it to
[Action Fraud](https://www.actionfraud.police.uk), the UK's national fraud reporting centre,
or call them on 0300 123 2040. If you have lost money, contact your bank straight away.

There is more advice on our [Protecting yourself](/protecting-yourself) page.
`,
      navOrder: 4,
    },
    {
      path: '/threats/computer-crime',
      parentPath: '/threats',
      title: 'Computer crime',
      summary:
        'Organised criminals use the internet to steal money and personal information on a ' +
        'large scale, and to attack the computer systems that businesses and services rely on.',
      body: `## What the threat is

Computer crime, sometimes called e-crime or cyber crime, covers crimes committed against
computers and networks and traditional crimes carried out online. Organised criminals use:

- **malicious software** that infects computers to steal online banking passwords and card
  details;
- **phishing emails and fake websites** that trick people into giving away personal
  information;
- **online criminal marketplaces** where stolen card details, personal data and hacking tools
  are bought and sold;
- **networks of infected computers** that can be used to send spam or to attack websites.

Many of these criminals operate from abroad and never set foot in the UK, but their victims are
here.

## The harm it causes

Computer crime costs individuals and businesses money, and can expose personal information to
further misuse. Attacks on business systems can disrupt services and damage trust. Because one
piece of malicious software can infect many thousands of computers, the harm can spread very
quickly.

## What SOCA does

SOCA took on the national work against serious computer crime when it was created in 2006. We:

- investigate the organised criminals who develop and use malicious software and run criminal
  marketplaces;
- work with law enforcement partners overseas to identify criminals and close down the
  services they use;
- work with banks, internet companies and security researchers to protect victims and to return
  stolen data to the banks that issued it, so compromised cards can be cancelled.

## Protecting yourself

- Keep your computer's operating system, browser and security software up to date.
- Use strong, different passwords for important accounts.
- Be wary of links and attachments in unexpected emails, even if they seem to come from someone
  you know.
- Your bank will never ask for your full password or PIN by email.

[Get Safe Online](https://www.getsafeonline.org) has more advice on staying safe online.

## Reporting computer crime

Report online fraud and computer crime to [Action Fraud](https://www.actionfraud.police.uk).
See also our advice on [fraud](/threats/fraud).
`,
      navOrder: 5,
    },
    {
      path: '/threats/money-laundering',
      parentPath: '/threats',
      title: 'Money laundering',
      summary:
        'Money laundering is how criminals hide the origins of the proceeds of crime so they can ' +
        "use it freely. Taking away that money is central to SOCA's work.",
      body: `## What the threat is

Money laundering is the process of making money from crime look as if it came from a legitimate
source. Almost all serious organised crime is committed for profit, so almost all of it depends
on laundering. Criminals launder money by, for example:

- carrying large amounts of cash out of the UK;
- paying cash into many bank accounts in small amounts;
- moving money through money service businesses and between countries;
- buying property, vehicles and other assets, or running it through cash-rich businesses;
- using professionals such as accountants, solicitors and company formation agents, knowingly
  or not, to set up companies and move funds.

## The harm it causes

Laundering lets criminals enjoy their profits and pay for more crime. It distorts markets,
undercuts honest businesses and damages the reputation of the UK's financial sector. People
recruited as "money mules" to move money through their own bank accounts can find themselves
committing a serious crime.

## What SOCA does

Tackling criminal finances and profits is one of our
[strategic imperatives](/about/objectives-and-values). We:

- run the UK Financial Intelligence Unit, which receives and analyses
  [suspicious activity reports](/financial-intelligence) from banks and other businesses;
- investigate professional money launderers and the networks that move criminal cash;
- seize criminal cash, and confiscate or recover criminal assets through the courts;
- work with the financial sector and regulators to close the loopholes criminals exploit.

## Protecting yourself

- Never let someone else use your bank account to receive or move money, however attractive
  the offer. Job adverts for "payment processing agents" are often a way to recruit money mules.
- If you work in a regulated business, know your legal duties to report suspicious activity.

## Reporting money laundering

If you know or suspect that someone is laundering money, you can tell Crimestoppers anonymously
on 0800 555 111 or through the [Crimestoppers website](https://crimestoppers-uk.org).
`,
      navOrder: 6,
    },

    // Other top-level sections
    {
      path: '/ukhtc',
      parentPath: null,
      title: 'UK Human Trafficking Centre',
      summary:
        'The UK Human Trafficking Centre is the national centre for tackling human trafficking, ' +
        'bringing together law enforcement, government and non-government partners.',
      body: `## About the centre

The UK Human Trafficking Centre (UKHTC) was set up in 2006 as a multi-agency centre that
provides a central point for the development of expertise and co-operation in relation to
human trafficking. It was first run by the police service, based in Sheffield, and became part
of SOCA on 1 April 2010.

The centre brings together police officers, SOCA staff, the UK Border Agency, the Crown
Prosecution Service and other partners, and works closely with non-government organisations
that support victims.

## What the centre does

The UKHTC:

- gathers and analyses intelligence on human trafficking to build a national picture of the
  threat;
- supports police forces and other agencies with advice and expertise during investigations;
- develops good practice and training for those who may come into contact with victims;
- works with partners overseas, including in the countries victims come from;
- helps to raise awareness of trafficking among the public and professionals.

## Identifying and protecting victims

The UKHTC, with the UK Border Agency, is a competent authority under the National Referral
Mechanism, the UK's framework for identifying victims of trafficking and making sure they
receive the right protection and support. Organisations such as police forces, local
authorities and certain charities can refer possible victims to the centre. A decision that
someone is a victim gives them access to support, including safe accommodation.

The centre takes a victim-centred approach: protecting victims and helping them recover is as
important as bringing traffickers to justice.

## What trafficking looks like

Victims may be exploited for sex, forced labour, domestic servitude or crime. Read about the
signs of trafficking on our page on
[people smuggling and human trafficking](/threats/people-smuggling-and-human-trafficking).

## Reporting trafficking

If someone is in immediate danger, call 999. If you have information about trafficking, contact
the police on 101, or tell Crimestoppers anonymously on 0800 555 111.
`,
      navOrder: 3,
    },
    {
      path: '/financial-intelligence',
      parentPath: null,
      title: 'Financial intelligence',
      summary:
        'The UK Financial Intelligence Unit, part of SOCA, receives, analyses and shares ' +
        'suspicious activity reports about possible money laundering and terrorist financing.',
      body: `## The UK Financial Intelligence Unit

The UK Financial Intelligence Unit (UKFIU) is part of SOCA. It has national responsibility for
receiving, analysing and sharing financial intelligence gathered through the suspicious
activity reports regime. It is the UK's member of the Egmont Group of financial intelligence
units, which exchange information internationally.

## Suspicious activity reports

A suspicious activity report (SAR) is a report made to the UKFIU by a business or individual
who knows or suspects that someone is involved in money laundering or terrorist financing.

Under Part 7 of the Proceeds of Crime Act 2002 and the Terrorism Act 2000, businesses in the
regulated sector must report such knowledge or suspicion. The regulated sector includes banks
and building societies, accountants, solicitors, estate agents, money service businesses and
others covered by the Money Laundering Regulations. Anyone else may also make a report.

Reports can be made through SAR Online, the secure online reporting system, which is the
quickest and most secure way to submit a report.

## Consent requests

If you need to carry out a transaction or other act that you suspect involves criminal
property, you can ask the UKFIU for consent before you go ahead. The UKFIU has seven working
days to respond. If consent is refused, law enforcement has a further 31 days in which to
take action, such as seeking to restrain the funds.

## How reports are used

SARs are a valuable source of intelligence. The UKFIU makes them available to police forces
and other law enforcement agencies, which use them to:

- start new investigations and develop existing ones;
- trace and recover criminal assets;
- identify criminals and their associates;
- understand how criminals use the financial system, so weaknesses can be closed.

Reports that may relate to terrorism are passed urgently to counter-terrorism specialists.
SARs are handled in confidence, and the identity of the person making a report is protected.

## Find out more

Read about [money laundering](/threats/money-laundering) and how SOCA
[tackles criminal finances](/about/objectives-and-values). Since 7 October 2013 the UKFIU has
been part of the [National Crime Agency](https://www.nationalcrimeagency.gov.uk).
`,
      navOrder: 4,
    },
    {
      path: '/protecting-yourself',
      parentPath: null,
      title: 'Protecting yourself',
      summary:
        'Simple steps can protect you, your family and your business from scams, fraud and other ' +
        'serious organised crime.',
      body: `## Serious organised crime can affect anyone

Serious organised criminals target ordinary people because it is profitable. A few simple
precautions make you much harder to target.

## Scams and fraud

- Be suspicious of any unexpected letter, email, call or message that asks for money or
  personal details, however genuine it looks.
- You cannot win a lottery or prize draw you did not enter, and you should never pay a fee to
  claim winnings.
- Do not be rushed. Fraudsters often say an offer will expire or that you must act now.
- SOCA will never ask you for money or for your bank details.

Read more about [fraud](/threats/fraud).

## Your personal information

- Shred documents that show your name, address and financial details before you throw them
  away.
- Check your bank statements regularly and report anything you do not recognise.
- Tell your bank and other organisations promptly when you move house.

## Online

- Keep your computer and security software up to date.
- Use strong passwords and do not use the same one for every account.
- Only enter card details on secure websites you trust.

Read more about [computer crime](/threats/computer-crime).

## Your bank account

Never let anyone use your bank account to move money for them, even for a fee. This is money
laundering, and you could be prosecuted. Read more about
[money laundering](/threats/money-laundering).

## Looking out for others

Criminals often target older or vulnerable people, and victims of trafficking may be living
and working near you. Learn the signs of
[human trafficking](/threats/people-smuggling-and-human-trafficking) and look out for
relatives and neighbours who may be targeted by scams.

## Reporting crime

- In an emergency, call 999.
- To contact the police when it is not an emergency, call 101.
- To report fraud or online crime, contact [Action Fraud](https://www.actionfraud.police.uk).
- To give information anonymously, call Crimestoppers on 0800 555 111 or use the
  [Crimestoppers website](https://crimestoppers-uk.org).
`,
      navOrder: 5,
    },
    {
      path: '/protecting-yourself/cover-your-tracks',
      parentPath: '/protecting-yourself',
      title: 'Leave this site quickly and cover your tracks',
      summary:
        'How to use the Exit this page button, and how to stop others finding out which ' +
        'websites you have visited.',
      body: `## Leaving this site quickly

Some of our pages, such as those on human trafficking and fraud, have an **Exit this page**
button. Select it, or press the Shift key 3 times, and this site is replaced by the BBC weather
page. It does not remove this site from your browsing history.

If someone may be watching what you do online, it is safer to use a computer or phone they do
not use, such as one at a public library, a friend's house or your workplace.

## Covering your tracks

Your web browser keeps a record of the websites you visit. Someone else using the same device
may be able to see it. To hide that you have visited this site you can:

- use a private or incognito window, which does not keep the pages you visit once you close it
- delete this site from your browsing history: open your browser's history, find our pages and
  remove them, rather than deleting all of your history, which may itself raise suspicion
- clear your cookies and cached files in your browser's settings

Each browser does this differently. Its help pages explain how, for example by searching
for "clear browsing history" and the name of your browser.

## Other things that may show what you have done

- Emails, text messages and call records you have sent or received. Delete those you do not
  want others to see, and empty your deleted items folder.
- Your phone's list of recent calls, if you have called a helpline.
- A device that is shared or monitored, or that has software installed to watch what you do.

## Getting help

If you are in immediate danger, call 999. If you cannot speak, call 999 from a mobile and press
55 when asked, so the police know it is a real emergency.

To report suspected human trafficking when it is not an emergency, call the police on 101. To
pass on information about a crime anonymously, call Crimestoppers on 0800 555 111.
`,
      navOrder: 1,
    },
    {
      path: '/news',
      parentPath: null,
      title: 'News',
      summary: 'News and announcements from the Serious Organised Crime Agency.',
      body: `## SOCA news

This section contains news and announcements from the Serious Organised Crime Agency, including
warnings about new scams, changes to SOCA's responsibilities, and the results of our work with
partners in the UK and overseas.

Articles are listed with the newest first. They are kept as a record of SOCA's work between
2006 and 2013, and describe the position at the time they were published.

For news about the work of the National Crime Agency since 7 October 2013, visit the
[National Crime Agency website](https://www.nationalcrimeagency.gov.uk).
`,
      navOrder: 6,
    },
    {
      path: '/careers',
      parentPath: null,
      title: 'Careers',
      summary:
        'Working at SOCA means using your skills to reduce the harm that serious organised crime ' +
        'causes to the UK and its citizens.',
      body: `## Working at SOCA

SOCA officers and staff work at the forefront of the fight against serious organised crime,
in the UK and overseas. Whatever your role, your work contributes to reducing the harm that
serious organised crime causes to people and communities.

## The work we do

We employ people with a wide range of skills and backgrounds, including:

- investigators, who lead and carry out operations against serious organised criminals;
- intelligence officers and analysts, who build our understanding of criminals and their
  methods;
- financial investigators and financial intelligence officers, who trace and recover
  criminal assets;
- technical and cyber specialists, who tackle computer crime and support operations with
  specialist capabilities;
- corporate staff in areas such as finance, human resources, information technology, security
  and communications.

## What we offer

We offer challenging and rewarding work, training and development to help you build your
skills, and the chance to work with partners across government, the private sector and law
enforcement around the world. We are committed to equality and diversity, and we welcome
applications from everyone who meets the requirements of the role.

## Security vetting

Because of the sensitive nature of our work, everyone who works for SOCA must pass security
vetting before they start. The level of clearance depends on the role and is set out in each
vacancy. You must meet the nationality and residence requirements for vetting.

## Applying

Our current vacancies are listed on this page. Each vacancy sets out the role, what we are
looking for and how to apply. Please read it carefully before you apply. We cannot accept
applications after the closing date.

Read more about [how SOCA is organised](/about/structure).
`,
      navOrder: 7,
    },
    {
      path: '/contact',
      parentPath: null,
      title: 'Contact us',
      summary:
        'How to contact the Serious Organised Crime Agency. Do not use this page to report a ' +
        'crime: call 999 in an emergency, or 101 otherwise.',
      body: `## Reporting a crime

You cannot report a crime to SOCA through this website, and we cannot reply to reports of
crime sent to us.

- In an emergency, or if a crime is happening now, call 999.
- To contact your local police when it is not an emergency, call 101.
- To give information about crime anonymously, call Crimestoppers on 0800 555 111 or use the
  [Crimestoppers website](https://crimestoppers-uk.org). You do not have to give your name.
- To report fraud or online crime, contact [Action Fraud](https://www.actionfraud.police.uk).

## General enquiries

For general enquiries about SOCA, including enquiries about this website, our publications or
working for us, use the contact form on this page. Please choose the topic that best matches
your enquiry so that it reaches the right team. We aim to reply within 20 working days.

Please do not send us personal or sensitive information that we do not need to answer your
enquiry. Our [privacy notice](/privacy) explains how we use the information you give us.

## Writing to us

You can write to us at:

Serious Organised Crime Agency, PO Box 8000, London, SE11 5EN

## Media enquiries

Journalists should make clear in their enquiry that it is from the media, and include a
deadline.

## Letters and emails claiming to be from SOCA

Fraudsters sometimes send letters and emails that claim to come from SOCA. SOCA will never ask
you for money or for your bank details. If you receive a message like this, do not reply and
do not pay. Report it to [Action Fraud](https://www.actionfraud.police.uk).

## Accessibility

If you need information from this website in a different format, or you find a problem with the
accessibility of the website, see our [accessibility statement](/accessibility).
`,
      navOrder: 8,
    },

    // Footer pages
    {
      path: '/accessibility',
      parentPath: null,
      title: 'Accessibility statement',
      summary:
        'How accessible this website is, how to report a problem, and how to ask for information ' +
        'in a different format.',
      body: `## This accessibility statement applies to this website

This accessibility statement applies to the public website of the Serious Organised Crime
Agency (SOCA). This website is run by SOCA. We want as many people as possible to be able to
use it. For example, that means you should be able to:

- change colours, contrast levels and fonts using browser or device settings;
- zoom in up to 400% without the text spilling off the screen;
- navigate the whole website using just a keyboard or speech recognition software;
- listen to the whole website using a screen reader.

## How accessible this website is

We believe this website is fully accessible. We know of no parts of it that are not
accessible.

## Feedback and contact information

If you need information on this website in a different format, like large print, easy read,
audio recording or braille, use the contact form on our [contact page](/contact) or write to us
at Serious Organised Crime Agency, PO Box 8000, London, SE11 5EN. We'll consider your request
and get back to you within 10 working days.

## Reporting accessibility problems with this website

If you find a problem not listed on this page, or think we're not meeting accessibility
requirements, tell us through our [contact page](/contact).

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
"accessibility regulations"). If you're not happy with how we respond to your complaint,
contact the [Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com).

## Technical information about this website's accessibility

SOCA is committed to making its website accessible, in accordance with the Public Sector Bodies
(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

### Compliance status

This website is fully compliant with the
[Web Content Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) AA standard.

## Non-accessible content

We know of no content on this website that is not accessible.

## What we're doing to improve accessibility

We check new page templates and features for accessibility before we publish them, and act on
any problem reported to us.

## Preparation of this accessibility statement

This statement was prepared on 25 November 2026. It was last reviewed on 25 November 2026.

This website was last tested on 25 November 2026 against the WCAG 2.2 AA standard. The test was
carried out by SOCA. We tested every page template using automated axe accessibility checks and
HTML validation, together with manual testing using a keyboard only.
`,
      navOrder: null,
    },
    {
      path: '/privacy',
      parentPath: null,
      title: 'Privacy notice',
      summary:
        'How SOCA uses the personal information you give us through this website, how long we ' +
        'keep it, and your rights.',
      body: `## Who we are

The Serious Organised Crime Agency (SOCA) is the controller for the personal information
collected through this website. You can write to us at Serious Organised Crime Agency,
PO Box 8000, London, SE11 5EN, marking your letter for the attention of the Data Protection
Officer.

## What we collect

**Contact form.** When you send an enquiry we collect the topic of your enquiry, your name, your
email address, your phone number if you choose to give it, and your message.

**Job applications.** When you apply for a vacancy we collect your name, email address, phone
number, whether you have the right to work in the UK, your supporting statement and your CV.

## Why we use it

- We use contact enquiries only to answer your enquiry.
- We use job applications only to assess your application for the vacancy you applied for.

## Our lawful basis

We process this information because it is necessary for us to carry out our public task: our
functions as a public body, including answering enquiries from the public and recruiting staff.

## How long we keep it

- Contact enquiries are deleted after 180 days.
- Job applications, including CVs, are deleted after 12 months.

## Who can see it

Your information can be seen only by authorised SOCA staff who need it to answer your enquiry
or assess your application. We do not sell it or share it for marketing.

## Cookies

This website does not set any tracking cookies and does not use analytics. If you are a member
of staff who signs in to manage the website, we set one cookie that is strictly necessary to
keep you signed in.

## Your rights

You have the right to:

- ask for a copy of the personal information we hold about you;
- ask us to correct information that is wrong;
- ask us to delete your information, or to restrict how we use it;
- object to how we use your information.

To use these rights, contact us through our [contact page](/contact) or write to the Data
Protection Officer at the address above.

## Complaints

If you are unhappy with how we have used your information, please contact us first. You can
also complain to the Information Commissioner's Office (ICO), the UK's independent regulator
for data protection, through the [ICO website](https://ico.org.uk/make-a-complaint/) or by
calling 0303 123 1113.
`,
      navOrder: null,
    },
    {
      path: '/vulnerability-disclosure',
      parentPath: null,
      title: 'Reporting a security vulnerability',
      summary:
        'How to tell us about a security weakness in this website, and what we will do when you ' +
        'report one.',
      body: `## Tell us about a vulnerability

If you think you have found a security weakness in this website, please tell us straight away so
that we can fix it. Email [security@soca.gov.uk](mailto:security@soca.gov.uk) with:

- the address of the page or feature affected;
- what the weakness is and how you found it;
- the steps we need to take to see it for ourselves.

Our machine-readable contact details are published in the
[security.txt file](/.well-known/security.txt), as RFC 9116 describes.

## What we ask of you

- Do not access, change or delete data that is not yours, and stop as soon as you have shown
  the weakness exists.
- Do not use denial of service attacks, social engineering or physical attacks.
- Give us reasonable time to fix the problem before you tell anyone else about it.

## What we will do

We will acknowledge your report within 5 working days, keep you told of our progress and let
you know when the problem is fixed. We will not take legal action against anyone who reports a
weakness in good faith and follows this policy.

This policy does not cover reporting crime. To report a crime, call 999 in an emergency or 101
otherwise.
`,
      navOrder: null,
    },
    {
      path: '/sitemap',
      parentPath: null,
      title: 'Sitemap',
      summary: 'A list of every section and page on this website.',
      body: `Use the list below to find any page on this website.
`,
      navOrder: null,
    },
  ],

  news: [
    {
      slug: 'assets-recovery-agency-joins-soca',
      title: 'Assets Recovery Agency becomes part of SOCA',
      summary:
        'From today the work of the Assets Recovery Agency is carried out by SOCA, bringing new ' +
        'powers to recover criminal property through the civil courts.',
      body: `## A stronger attack on criminal finances

From today, 1 April 2008, the functions of the Assets Recovery Agency (ARA) have transferred to
the Serious Organised Crime Agency, under the Serious Crime Act 2007.

The ARA was set up under the Proceeds of Crime Act 2002 to recover criminal assets, using civil
recovery through the High Court and, where appropriate, tax powers. Its staff and its cases
have now joined SOCA.

## What this means

Bringing this work into SOCA means that civil recovery can be considered alongside criminal
prosecution from the very start of an investigation. Where a criminal prosecution is not
possible, or not the best way to reduce harm, SOCA can now ask the High Court to recover
property obtained through unlawful conduct without anyone having to be convicted.

Tackling criminal finances and profits is central to SOCA's approach. For many serious
criminals, losing their cash and property worries them more than the prospect of going to
prison.

## New powers

At the same time, serious crime prevention orders, created by the Serious Crime Act 2007, will
become available to the courts. These orders can place restrictions on people involved in
serious crime, such as limits on their finances, travel and communications, to prevent them
from carrying on their criminal activity.

Read more about [the power to counter criminals](/about/powers).
`,
      publishedAt: '2008-04-01T09:00:00Z',
    },
    {
      slug: 'uk-human-trafficking-centre-joins-soca',
      title: 'UK Human Trafficking Centre becomes part of SOCA',
      summary:
        'The UK Human Trafficking Centre, the national centre for tackling human trafficking, ' +
        'has today become part of SOCA.',
      body: `## A national centre within a national agency

The UK Human Trafficking Centre (UKHTC) has today, 1 April 2010, become part of the Serious
Organised Crime Agency.

The centre was set up in 2006 and has been run by the police service from its base in
Sheffield. It brings together police, the UK Border Agency, the Crown Prosecution Service, SOCA
and non-government organisations to co-ordinate the UK's response to human trafficking.

## Continuing the centre's work

The centre will continue its existing work, including:

- building a national picture of human trafficking from intelligence and data;
- advising and supporting police forces and other agencies on investigations;
- acting, with the UK Border Agency, as a competent authority under the National Referral
  Mechanism for identifying and supporting victims;
- developing training and good practice for people who may encounter victims.

Becoming part of SOCA gives the centre direct access to SOCA's intelligence, international
network and specialist capabilities, and links its work closely with SOCA's operations against
the organised crime groups that traffic people.

## Protecting victims

The centre's victim-centred approach is unchanged. Identifying and protecting victims is as
important as bringing traffickers to justice.

Read more about the [UK Human Trafficking Centre](/ukhtc) and how to recognise the signs of
[human trafficking](/threats/people-smuggling-and-human-trafficking).
`,
      publishedAt: '2010-04-01T09:00:00Z',
    },
    {
      slug: 'warning-about-lottery-and-prize-draw-scams',
      title: 'Warning about lottery and prize draw scams',
      summary:
        'SOCA is warning the public not to respond to letters, emails and calls claiming that ' +
        'they have won a lottery or prize draw they never entered.',
      body: `## Don't pay to claim a prize

SOCA is warning the public about mass-marketing scams that tell people they have won a large
sum in a foreign lottery or an international prize draw.

The messages arrive by post, email, phone and text. They often look official, use the names
of real organisations, and ask the recipient to pay a "fee", "tax" or "insurance charge" before
the prize can be released. There is no prize. Anyone who pays is likely to be asked for more
money, and their details may be sold on to other fraudsters.

## Who is targeted

These scams are sent to very large numbers of people. Criminals keep lists of people who have
replied in the past and target them again and again. Older and vulnerable people are
particularly at risk.

## How to protect yourself

- You cannot win a lottery or prize draw you did not enter.
- Genuine lotteries never ask winners to pay a fee to collect a prize.
- Never send money or give your bank details to anyone who contacts you unexpectedly.
- If an older relative or neighbour receives a lot of post of this kind, talk to them about it.

## Report it

If you have received a scam of this kind, or have lost money, report it to
[Action Fraud](https://www.actionfraud.police.uk). Read more about
[fraud](/threats/fraud) and [protecting yourself](/protecting-yourself).
`,
      publishedAt: '2011-03-14T09:00:00Z',
    },
    {
      slug: 'websites-selling-stolen-card-data-taken-down',
      title: 'Websites selling stolen card data taken down',
      summary:
        'An international operation led by SOCA has taken down websites used by criminals to buy ' +
        'and sell stolen credit and debit card details.',
      body: `## An international operation

A SOCA operation, carried out with law enforcement partners in the United States and Europe,
has taken down a number of websites that were being used to sell stolen credit and debit card
details.

The websites offered card details stolen by computer criminals, using malicious software and
hacking, to anyone willing to pay. Those buying the data used it to commit fraud against card
holders, banks and retailers around the world. People visiting the websites now see a notice
that they have been taken down by law enforcement.

## Protecting card holders

Card details recovered during the operation have been passed to the banks that issued the cards,
so that compromised cards can be cancelled and replaced. Card holders are protected against
losses from fraud on their accounts, and do not need to take any action unless their bank
contacts them.

## Why it matters

Online criminal marketplaces make it easy for criminals to buy and sell stolen data without ever
meeting. Taking them down disrupts the business of computer criminals and the fraudsters who
rely on them, and makes that business riskier. SOCA will continue to work with partners around
the world to identify the people behind these services.

## Protect yourself

Check your bank statements regularly and tell your bank straight away about any transaction you
do not recognise. Report online fraud to [Action Fraud](https://www.actionfraud.police.uk).

Read more about [computer crime](/threats/computer-crime).
`,
      publishedAt: '2012-04-26T09:00:00Z',
    },
    {
      slug: 'soca-becomes-part-of-the-national-crime-agency',
      title: 'SOCA becomes part of the National Crime Agency',
      summary:
        'From today the work of the Serious Organised Crime Agency is carried out by the new ' +
        'National Crime Agency.',
      body: `## A new national agency

From today, 7 October 2013, the Serious Organised Crime Agency has become part of the National
Crime Agency (NCA), created by the Crime and Courts Act 2013.

The NCA leads the UK's fight to cut serious and organised crime. SOCA's officers, staff and
responsibilities, including the UK Financial Intelligence Unit and the UK Human Trafficking
Centre, have transferred to the new agency. The Child Exploitation and Online Protection Centre
also becomes part of the NCA.

## SOCA's work continues

The operations, investigations and partnerships that SOCA led continue within the NCA. Since
April 2006 SOCA has brought together intelligence, enforcement and the recovery of criminal
assets, and worked with partners in the UK and around the world to reduce the harm that serious
organised crime causes. That work now continues on a larger scale.

## This website

This website is kept as a record of SOCA's work and will no longer be updated with news. For
current information, visit the
[National Crime Agency website](https://www.nationalcrimeagency.gov.uk).

## Reporting crime

The way to report crime has not changed. In an emergency call 999. To contact the police when it
is not an emergency call 101. To give information anonymously, call Crimestoppers on
0800 555 111. Report fraud and online crime to
[Action Fraud](https://www.actionfraud.police.uk).
`,
      publishedAt: '2013-10-07T09:00:00Z',
    },
  ],

  vacancies: [
    {
      slug: 'financial-intelligence-officer',
      title: 'Financial Intelligence Officer',
      summary:
        'Analyse suspicious activity reports and other financial intelligence to identify ' +
        'criminals and their assets, working in the UK Financial Intelligence Unit.',
      grade: 'SOCA Grade 4',
      location: 'London',
      salary: '£31,000 to £36,000',
      closingDate: '2027-03-31',
      body: `## About the role

The UK Financial Intelligence Unit (UKFIU) receives and analyses suspicious activity reports
from banks and other businesses about possible money laundering and terrorist financing. As a
Financial Intelligence Officer you will turn those reports into intelligence that helps law
enforcement agencies identify criminals, disrupt their activity and recover their assets.

## What you will do

- Assess and analyse suspicious activity reports, including urgent requests for consent.
- Research financial and other intelligence to develop a picture of individuals, networks and
  money flows.
- Produce clear intelligence reports for investigators in SOCA, police forces and other
  agencies.
- Exchange information with financial intelligence units overseas.
- Help reporting businesses to improve the quality of their reports.

## What we are looking for

- Experience of analysing complex information and drawing sound conclusions.
- An understanding of the financial sector, money laundering or financial investigation.
- Good written communication, with the ability to explain technical findings simply.
- Sound judgement and the ability to prioritise work under time pressure.
- Discretion and integrity in handling sensitive information.

An accredited financial intelligence qualification, or the willingness to gain one, is
desirable.

## Security vetting

This role requires Security Check (SC) clearance. You must meet the nationality and residence
requirements for vetting. Any offer of employment depends on successful vetting.

## How to apply

Apply using the application form on this page. Tell us in your supporting statement how your
skills and experience meet what we are looking for, and attach your CV. Applications must
reach us by the closing date.
`,
    },
    {
      slug: 'cyber-crime-investigator',
      title: 'Cyber Crime Investigator',
      summary:
        'Investigate the organised criminals behind malicious software, hacking and online ' +
        'criminal marketplaces, working with partners in the UK and overseas.',
      grade: 'SOCA Grade 3',
      location: 'Warrington',
      salary: '£38,000 to £45,000',
      closingDate: '2027-04-30',
      body: `## About the role

Organised criminals use the internet to steal money and personal information on a huge scale,
often from outside the UK. As a Cyber Crime Investigator you will help to identify them, gather
evidence against them and disrupt the services they depend on, working alongside technical
specialists, intelligence officers and partners around the world.

## What you will do

- Plan and carry out investigations into serious computer crime, from intelligence to
  prosecution.
- Gather, preserve and present digital evidence to the standards required by the courts.
- Work with internet companies, banks and security researchers to identify offenders and
  protect victims.
- Work with law enforcement agencies overseas on joint operations.
- Share what you learn about criminal methods to help others prevent crime.

## What we are looking for

- Experience of criminal investigation, or of technical investigation in a related field.
- A good understanding of how computer networks, the internet and malicious software work.
- The ability to explain technical matters clearly in writing and in court.
- Good judgement, resilience and the ability to work as part of a team.

Experience of digital forensics or of international investigations is desirable.

## Security vetting

This role requires Developed Vetting (DV) clearance. You must meet the nationality and
residence requirements for vetting. Any offer of employment depends on successful vetting.

## How to apply

Apply using the application form on this page. Tell us in your supporting statement how your
skills and experience meet what we are looking for, and attach your CV. Applications must
reach us by the closing date.
`,
    },
    {
      slug: 'intelligence-analyst-2013',
      title: 'Intelligence Analyst',
      summary:
        'Analyse intelligence on serious organised crime to help SOCA decide where to act for ' +
        'the greatest effect.',
      grade: 'SOCA Grade 5',
      location: 'London',
      salary: '£26,000 to £30,000',
      closingDate: '2013-06-30',
      body: `## About the role

SOCA is an intelligence-led agency. As an Intelligence Analyst you will build our understanding
of serious organised criminals, their networks and methods, so that we can decide where to act
for the greatest effect.

## What you will do

- Collate and analyse intelligence from a wide range of sources.
- Produce analytical products, such as network and market profiles, to support operations.
- Identify intelligence gaps and recommend ways to fill them.
- Brief investigators and managers on your findings.

## What we are looking for

- Strong analytical skills and attention to detail.
- Clear written and spoken communication.
- The ability to work to deadlines with sensitive information.

## Security vetting

This role requires Security Check (SC) clearance. Any offer of employment depends on successful
vetting.

## How to apply

This vacancy closed on 30 June 2013 and we are no longer accepting applications.
`,
    },
  ],
}
