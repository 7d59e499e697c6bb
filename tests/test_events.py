"""Event rules as a table: each row is a sentence and the events it must give, at country level.

Rows are written for this project (not taken from the gold sets) and each names the construction
it checks, so a rule change shows which reading it breaks. The real model parses them once each.
"""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import extract

DOC_DATE = "2024-11-14"  # a Thursday

# (sentence, {(actor country, action, target country, modality)}) -- exactly these events, no others
ROWS = [
    # subject - verb - object, with the object as the target
    ("Russia attacked Ukraine.", {("RUS", "Assault", "UKR", "asserted")}),
    # the object's class picks the sense: troops are deployed, weapons supplied, envoys consult
    ("North Korea sent troops to Russia.", {("PRK", "DeployTroops", "RUS", "asserted")}),
    ("Iran sent drones to Russia.", {("IRN", "SupplyWeapons", "RUS", "asserted")}),
    ("Japan sent an envoy to Manila.", {("JPN", "Consult", "PHL", "asserted")}),
    ("Canada sent humanitarian aid to Gaza.", {("CAN", "Aid", "PSE", "asserted")}),
    # "arm X": the object is the recipient
    ("France is arming Kyiv.", {("FRA", "SupplyWeapons", "UKR", "asserted")}),
    # passive with an agent
    ("Ukraine was invaded by Russia in 2022.", {("RUS", "Assault", "UKR", "asserted")}),
    # passive without an agent: the owner of the theme acts
    ("Thousands of North Korean troops have been sent to Russia.", {("PRK", "DeployTroops", "RUS", "asserted")}),
    # coordinated subjects give one event each
    ("The United States and Japan condemned China.", {("USA", "Accuse", "CHN", "asserted"), ("JPN", "Accuse", "CHN", "asserted")}),
    # a symmetric action pairs its coordinated parties
    ("Moscow and Pyongyang ratified a defence treaty.", {("RUS", "SignAgreement", "PRK", "asserted")}),
    # possessor of a nominal event
    ("Moscow's invasion of Ukraine shocked Europe.", {("RUS", "Assault", "UKR", "asserted")}),
    # light verb with a nominal event
    ("Kyiv launched an incursion into the Russian region of Kursk.", {("UKR", "Assault", "RUS", "asserted")}),
    ("Iran seized an oil tanker in the Gulf of Oman.", set()),  # the waters are no part of Oman
    # an organ acts for its state
    ("Russia's Foreign Ministry threatened consequences for Japan.", {("RUS", "Threaten", "JPN", "asserted")}),
    # a role noun acts for whoever owns it
    ("Kim Jong Un's sister criticised South Korea.", {("PRK", "Accuse", "KOR", "asserted")}),
    # considered: a verb of weighing governs the trigger
    ("South Korea is weighing supplying weapons to Ukraine.", {("KOR", "SupplyWeapons", "UKR", "considered")}),
    # considered: "not rule out" leaves the option open
    ("Germany did not rule out sending tanks to Ukraine.", {("DEU", "SupplyWeapons", "UKR", "considered")}),
    # planned: intention
    ("Zelensky plans to send a delegation to Seoul.", {("UKR", "Consult", "KOR", "planned")}),
    # a participle describing a rejected noun tells what was done to it all the same
    ("Hungary refused to ratify the agreement signed by Sweden and Turkey.", {("SWE", "SignAgreement", "TUR", "asserted")}),
    # what is plotted has not happened
    ("Iran conspired to assassinate a Saudi diplomat in Washington, US officials said.", {("IRN", "Assault", "SAU", "planned")}),
    # planned: will
    ("Britain will deploy troops to Estonia.", {("GBR", "DeployTroops", "EST", "planned")}),
    # negated: refrain from
    ("Seoul has refrained from supplying arms to Ukraine.", {("KOR", "SupplyWeapons", "UKR", "negated")}),
    # negated: not
    ("Israel did not attack Lebanon.", {("ISR", "Assault", "LBN", "negated")}),
    # conditional: if-clauses are not asserted
    ("If Brazil sends weapons to Venezuela, the region will suffer.", {("BRA", "SupplyWeapons", "VEN", "considered")}),
    # attribution: the speaker is a source, not an actor
    ("Bloomberg reported that Pyongyang had deployed troops to Russia.", {("PRK", "DeployTroops", "RUS", "asserted")}),
    # a request absorbs what is requested
    ("Estonia urged Germany to send more troops to Lithuania.", {("EST", "Request", "DEU", "asserted")}),
    # "X said Y must" is X's request to Y
    ("Russia said on Tuesday that Sudan must return the helicopter.", {("RUS", "Request", "SDN", "asserted")}),
    # claiming a hostile act of someone accuses them
    ("Ukraine claimed that Belarus had deployed troops to Russia.",
     {("UKR", "Accuse", "BLR", "asserted"), ("BLR", "DeployTroops", "RUS", "asserted")}),
    # describing someone as a threat accuses them
    ("Japan described North Korea as a grave threat.", {("JPN", "Accuse", "PRK", "asserted")}),
    # "accuse X of doing": X does it, the accuser only accuses
    ("Britain accused Iran of sending drones to Russia.",
     {("GBR", "Accuse", "IRN", "asserted"), ("IRN", "SupplyWeapons", "RUS", "asserted")}),
    # the purpose of an act is not a second act
    ("Belarus sent troops to help Russia.", {("BLR", "DeployTroops", "RUS", "asserted")}),
    # an attack with no target named is on the place it happens
    ("Israeli warplanes struck targets in Lebanon.", {("ISR", "Assault", "LBN", "asserted")}),
    # an act named as the object belongs to its agent
    ("The Kremlin condemned the sanctions imposed by the European Union.", {("RUS", "Accuse", "EU", "asserted")}),
    # a denial negates what is denied, and borrows no target from it
    ("Iran denied supplying drones to Russia.", {("IRN", "SupplyWeapons", "RUS", "negated")}),
    # committing crimes against people is violence (the dictionary's CAMEO 180), no agreement
    ("Croat forces committed crimes against Serb civilians.", {("HRV", "Assault", "SRB", "asserted")}),
    # expelling or recalling diplomats and cutting ties are sanctions; expelling others coerces them
    ("Poland expelled Russian diplomats.", {("POL", "Sanction", "RUS", "asserted")}),
    ("Lithuania recalled its ambassador from China.", {("LTU", "Sanction", "CHN", "asserted")}),
    ("Venezuela cut diplomatic ties with Argentina.", {("VEN", "Sanction", "ARG", "asserted")}),
    ("Russian troops withdrew from Ukraine.", {("RUS", "Retreat", "UKR", "asserted")}),
    ("Saudi Arabia and Iran restored diplomatic relations.", {("SAU", "Support", "IRN", "asserted")}),
    # blocking a bid rejects its owner (joining, a general verb, is coded only by a dictionary pattern)
    ("Turkey blocked Sweden's bid to join NATO.", {("TUR", "Reject", "SWE", "asserted")}),
    # what a bid is for is only attempted
    ("Sweden's bid to send troops to Latvia failed.", {("SWE", "DeployTroops", "LVA", "considered")}),
    # a noun the verb takes no sense of is an event of its own under it
    ("Israel resumed talks with Hamas.", {("ISR", "Consult", "PSE", "asserted")}),
    # vague collectives act for no one
    ("Western allies condemned Iran.", set()),
    # a state does not act on itself
    ("President Yoon Suk Yeol praised South Korea.", set()),
    # "ethnic X" is a community of the state the text is about, not the state X
    ("Ethnic Albanians attacked Serbia.", {("SRB", "Assault", "SRB", "asserted")}),
    # protests are directed at the place they happen
    # a group named alone is of the country the text is about (coded by place, as PLOVER does)
    ("Students protested in Georgia on Sunday.", {("GEO", "Protest", "GEO", "asserted")}),
    ("Georgian students protested in Tbilisi on Sunday.", {("GEO", "Protest", "GEO", "asserted")}),
    # the CAMEO verb dictionary codes verbs the hand-written triggers lack (snub: 111, criticise)
    ("Ghana snubbed Togo.", {("GHA", "Accuse", "TGO", "asserted")}),
    # ... and its most specific pattern wins: "* &FOOD" (073, humanitarian aid) over "* (TO)"
    ("Brazil airlifted food to Haiti.", {("BRA", "Aid", "HTI", "asserted")}),
    # the parser may hang the recipient one phrase below the object
    ("Egypt relinquished control of the crossing to Israel.", {("EGY", "Retreat", "ISR", "asserted")}),
    # a title acts for the country that qualifies it, also as a passive agent
    ("Mexico was visited by the Spanish king.", {("ESP", "Consult", "MEX", "asserted")}),
    # a cause or a topic is never an actor
    ("Trump's victory prompted Seoul to reconsider its policy.", set()),
    # between two people an attack is in words
    ("Joe Biden attacked Donald Trump over the pandemic.", {("USA", "Accuse", "USA", "asserted")}),
    # with someone acted on, an on-phrase is the topic, not a second target
    ("Senate Democrats attacked Donald Trump on his taxes.", {("USA", "Accuse", "USA", "asserted")}),
    # leaders who clash or battle with each other fight with words
    ("Donald Trump clashed with Emmanuel Macron over NATO spending.", {("USA", "Accuse", "FRA", "asserted")}),
    # a state acting on its own people is an event, on the state's own country
    ("Iran banned a number of female journalists.", {("IRN", "Coerce", "IRN", "asserted")}),
    # a restriction a state imposes is on its own people, wherever none is named
    ("Thailand imposed a curfew.", {("THA", "Coerce", "THA", "asserted")}),
    # ... but taking countermeasures acts on no one named
    ("Thailand took countermeasures.", set()),
    # a court of a country acts on one of its people: domestic politics is coded too
    ("South Korea's court sentenced Yoon Suk Yeol.", {("KOR", "Coerce", "KOR", "asserted")}),
    # coordinated parties of a reciprocal verb act on each other when no one else is named
    ("Armenia and Azerbaijan fought a war in 2020.", {("ARM", "Assault", "AZE", "asserted"), ("AZE", "Assault", "ARM", "asserted")}),
    ("Japan and China clashed with Russia.", {("JPN", "Assault", "RUS", "asserted"), ("CHN", "Assault", "RUS", "asserted")}),
    # a pledge is not reciprocal: who pledged funds to whom is not said
    ("China and Russia pledged funds.", set()),
    # a pledge of a hostile act is a threat, made now; a pledge of support promises it
    ("Hamas vowed to attack Israel.", {("PSE", "Threaten", "ISR", "asserted")}),
    ("Turkey vowed support for Azerbaijan.", {("TUR", "Agree", "AZE", "planned")}),
    # an event noun under a light verb is one event, the verb's subject acting
    ("Germany launched an investigation into Russian hackers.", {("DEU", "Investigate", "RUS", "asserted")}),
    ("Ukraine filed a lawsuit against Russia.", {("UKR", "Accuse", "RUS", "asserted")}),
    # the released are the target of a release
    ("Fijian rebels will release the Japanese ambassador.", {("FJI", "Retreat", "JPN", "planned")}),
    # a withdrawal is from the place it happens in
    ("Israel will evacuate its settlements in Gaza.", {("ISR", "Retreat", "PSE", "planned")}),
    # the controller of a readiness adjective acts; the one helped is the recipient
    ("Norway is willing to send equipment to help Saudi Arabia.", {("NOR", "Aid", "SAU", "planned")}),
    # ready for an act is ready to do it; open to it, willing to weigh it; a denied copula denies either
    ("Iran says it is ready for negotiations with the United States.", {("IRN", "Consult", "USA", "planned")}),
    ("Kenya signalled it was open to talks with Somalia.", {("KEN", "Consult", "SOM", "considered")}),
    ("Ukraine is not open to talks with Russia.", {("UKR", "Consult", "RUS", "negated")}),
    ("Serbia is not ready to hold talks with Kosovo.", {("SRB", "Consult", "XKX", "negated")}),
    ("The border is open to trade.", set()),
    # forces pulled out of a region of their own state withdraw at home, as they would attack there
    ("Russian troops pulled out of Chechnya.", {("RUS", "Retreat", "RUS", "asserted")}),
    ("The army withdrew from the town of Kidal in Mali.", {("MLI", "Retreat", "MLI", "asserted")}),
    ("Russian troops withdrew from Kherson.", {("RUS", "Retreat", "UKR", "asserted")}),
    # a retreat is from a place: where forces go is no one acted on (the pull-back is still one, from no one named)
    ("Russian forces retreated from Kyiv to Belarus.", {("RUS", "Retreat", "UKR", "asserted")}),
    ("Russian troops pulled back to Belarus.", {("RUS", "Retreat", None, "asserted")}),
    # a noun of what is done to people takes its of-object as whom, whatever its class: envoys expelled are sanctioned
    ("Canada's expulsion of an Indian diplomat angered New Delhi.", {("CAN", "Sanction", "IND", "asserted")}),
    ("The deportation of Syrian refugees by Turkey continued.", {("TUR", "Coerce", "SYR", "asserted")}),
    # a protest over what is someone's own (a claim, a decision, plans) answers them
    ("Seoul lodged a strong protest over Japan's territorial claims.", {("KOR", "Accuse", "JPN", "asserted")}),
    ("Protesters in Manila rallied over China's actions in the South China Sea.", {("PHL", "Protest", "CHN", "asserted")}),
    # the parser may read a sentence's main verb as a participle on its first noun: a protest is never a passive
    ("Hundreds of Filipinos protested outside the Chinese embassy.", {("PHL", "Protest", "CHN", "asserted")}),
    # telling someone to do something asks it of them, and what is asked is not done; telling reporters is saying
    ("Beijing told Washington to stop arming Taiwan.", {("CHN", "Request", "USA", "asserted")}),
    ("The UN directed Israel to open the crossings.", {("UN", "Request", "ISR", "asserted")}),
    ("The US encouraged Israel to allow more aid into Gaza.", {("USA", "Request", "ISR", "asserted")}),
    ("Japan encouraged the efforts of ASEAN.", {("JPN", "Support", "ASEAN", "asserted")}),
    ("Zelensky told the BBC that Russia had attacked Kyiv.", {("RUS", "Assault", "UKR", "asserted")}),
    # a spokesman for a body speaks for it (the actor tables take a spokesman alone for the media's)
    ("A spokesman for the Taliban rejected the UN's criticism.", {("AFG", "Reject", "UN", "asserted")}),
    # investing in a country cooperates with it; credit extended is aid; patrolling together is cooperation
    ("Saudi Arabia will invest $15 billion in Pakistan's mining sector.", {("SAU", "Cooperate", "PAK", "planned")}),
    ("Saudi investment in Pakistan doubled last year.", {("SAU", "Cooperate", "PAK", "asserted")}),
    ("Japan extended a $500 million credit line to Sri Lanka.", {("JPN", "Aid", "LKA", "asserted")}),
    ("The EU extended sanctions on Russia.", {("EU", "Sanction", "RUS", "asserted")}),
    ("The US and the Philippines launched joint patrols in the South China Sea.", {("USA", "Cooperate", "PHL", "asserted")}),
    ("Chinese warships patrolled the strait.", set()),
    # a state's initials before an act are its adjective, the doer's; its name there says where or on whom
    ("A US drone strike killed an al-Qaeda leader in Kabul.", {("USA", "Assault", "al-qaeda", "asserted")}),
    ("The EU condemned the US strike on Iran.", {("EU", "Accuse", "USA", "asserted")}),
    # countermeasures are how a state names its sanctions
    ("China announced countermeasures against US defence firms.", {("CHN", "Sanction", "USA", "asserted")}),
    ("China said it would take resolute countermeasures against the Czech senate speaker.",
     {("CHN", "Sanction", "CZE", "planned")}),
    # another state's forces sighted near one show force to it; anything else sighted is no event
    ("Taiwan detected 30 Chinese military aircraft near the island.", {("CHN", "Mobilize", "TWN", "asserted")}),
    ("Japan spotted Russian warships off Hokkaido.", {("RUS", "Mobilize", "JPN", "asserted")}),
    ("Health officials in China detected new cases in Wuhan.", set()),
    # two leaders the NER takes for one name meet each other; saying they did not is a meeting denied
    ("Lula and Milei did not meet at the summit.", {("BRA", "Consult", "ARG", "negated")}),
    # growing trade cooperates; ending a pact with someone reduces relations with them
    ("Egypt and Turkey pledged to boost trade to $15 billion.", {("EGY", "Cooperate", "TUR", "planned")}),
    ("Chad ended its defence cooperation agreement with France.", {("TCD", "Sanction", "FRA", "asserted")}),
    ("The US ended military aid to Egypt.", {("USA", "Sanction", "EGY", "asserted")}),
    # a name the tagger takes for a common noun still owns the agent it modifies
    ("Wagner mercenaries executed civilians in central Mali.", {("RUS", "Assault", "MLI", "asserted")}),
    # a warning that measures aimed at someone will follow is the warner's threat; a harm foretold is not
    ("The US warned that further sanctions against Moscow would follow.", {("USA", "Threaten", "RUS", "asserted")}),
    ("The UN warned that sanctions would hurt ordinary Iranians.", set()),
    ("Russia warned Finland of consequences if it joined NATO.", {("RUS", "Threaten", "FIN", "asserted")}),
    # closing one's airspace or ports to another state's craft bars them (an embargo); closing it alone is no event
    ("Canada closed its airspace to Russian aircraft.", {("CAN", "Sanction", "RUS", "asserted")}),
    ("Russia closed its ports to British ships.", {("RUS", "Sanction", "GBR", "asserted")}),
    ("Ukraine closed its airspace after the invasion.", set()),
    # whoever adopts or passes a resolution does what it does; one only proposed is weighed
    ("The UN General Assembly adopted a resolution demanding that Russia withdraw from Ukraine.",
     {("UN", "Request", "RUS", "asserted")}),
    # (one vetoed is not its vetoer's)
    ("The United States vetoed a UN resolution calling for a ceasefire in Gaza.", {("USA", "Reject", "UN", "asserted")}),
    # a headline joins its subjects with a comma
    ("Russia, China sign energy deal", {("RUS", "SignAgreement", "CHN", "asserted")}),
    ("Tuesday, Russia attacked Kyiv.", {("RUS", "Assault", "UKR", "asserted")}),
    # a headline verb the tagger takes for a noun, with its subject read as the noun's modifier
    ("Pakistan expels Afghan refugees", {("PAK", "Coerce", "AFG", "asserted")}),
    # a description the parser folds the one described into still accuses them
    ("Argentina's Milei called Spain's prime minister corrupt.", {("ARG", "Accuse", "ESP", "asserted")}),
    # a capitalised name the tagger takes for something else still heads its clause
    ("USAID suspended aid to Ethiopia over food theft.", {("USA", "Sanction", "ETH", "asserted")}),
    ("ECOWAS imposed sanctions on Niger.", {("ECOWAS", "Sanction", "NER", "asserted")}),
    ("The suspended aid to Ethiopia was restored.", set()),
    # aid unveiled or earmarked for someone is given; a curfew announced is imposed; support announced is no aid
    ("The UK unveiled a new aid package for Ukraine.", {("GBR", "Aid", "UKR", "asserted")}),
    ("Ecuador's government announced a curfew in Quito.", {("ECU", "Coerce", "ECU", "asserted")}),
    ("The US announced sanctions on Iran.", {("USA", "Sanction", "IRN", "asserted")}),
    ("Brazil announced its support for Argentina.", {("BRA", "Support", "ARG", "asserted")}),
    # a verb form the lemmatizer misreads is fixed whatever verb tag the tagger gives it ("retook" as a base form)
    ("The Sudanese army retook the presidential palace from the Rapid Support Forces.",
     {("SDN", "Assault", "SDN", "asserted")}),
    # a headline joins states with a comma, which the parser reads as an apposition
    ("Russia, Ukraine swap hundreds of prisoners of war\n\nThe exchange took place on Friday.",
     {("RUS", "Retreat", "UKR", "asserted"), ("UKR", "Retreat", "RUS", "asserted")}),
    # a rally for someone backs them: no protest at them
    ("Thousands rallied in Washington to support Ukraine.", {("USA", "Support", "UKR", "asserted")}),
    # weapons someone fires or launches are theirs (not whatever else is done to them)
    ("Israel intercepted the missiles Iran fired.", {("ISR", "Coerce", "IRN", "asserted")}),
    # whom an agreement commits does what it is committed to
    ("The agreement commits the United States to withdraw its troops from Afghanistan.",
     {("USA", "Retreat", "AFG", "planned")}),
    # arms or military aid announced for someone are committed to them (not aid at large: "support" is of its class)
    ("Germany announced new military aid to Ukraine.", {("DEU", "Agree", "UKR", "planned")}),
    # what an attacker hits in a report is the reporter's, unless it is the attacker's "own"
    ("Ukraine says Russia attacked its energy grid", {("RUS", "Assault", "UKR", "asserted")}),
    ("Syria said Israel struck its airport.", {("ISR", "Assault", "SYR", "asserted")}),
    # an object "it" right after a proposal is the proposal, and its rejection is of its author
    ("Germany received a Russian proposal. Poland rejected it.", {("POL", "Reject", "RUS", "asserted")}),
    ("Russia proposed a resolution on Syria, but the United States vetoed it.", {("USA", "Reject", "RUS", "asserted")}),
    ("The EU drafted new demands. Hungary rejected them.", {("HUN", "Reject", "EU", "asserted")}),
    ("Hamas accepted the Egyptian proposal. Israel rejected it.",
     {("PSE", "Agree", "EGY", "asserted"), ("ISR", "Reject", "EGY", "asserted")}),
    # what is agreed to is with its other party
    ("Israel agreed to a truce with Hamas.", {("ISR", "Agree", "PSE", "planned")}),
    ("Iran agreed on a deal with the European Union.", {("IRN", "Agree", "EU", "planned")}),
    # violence on people in one's own country is an event; naming no one acted upon, it is not
    ("Serb forces killed three villagers in southern Serbia.", {("SRB", "Assault", "SRB", "asserted")}),
    ("Serbia shelled positions in Serbia.", set()),
    # a stance after a copula: "opposed to" rejects, "an opponent of" accuses, "supportive of" supports
    ("Israel is opposed to French mediation.", {("ISR", "Reject", "FRA", "asserted")}),
    ("Germany is not opposed to the French plan.", {("DEU", "Reject", "FRA", "negated")}),
    ("Jacques Chirac was an opponent of the US-led war.", {("FRA", "Accuse", "USA", "asserted")}),
    ("Japan remains supportive of Taiwan.", {("JPN", "Support", "TWN", "asserted")}),
    # reaching an agreement is reciprocal
    ("Israel and the Palestinians reached a consensus on water.", {("ISR", "Agree", "PSE", "asserted")}),
    # the discard list: a sports story is no political news, and the dictionary codes no storm as an attack
    ("Brazil defeated Argentina in the World Cup semi-final.", set()),
    ("A tropical storm battered the Philippines.", set()),
    # a place is not a party: a region stands for its country, a sea for no one
    ("North Korea deployed troops to the Kursk region.", {("PRK", "DeployTroops", "RUS", "asserted")}),
    ("Singapore searched the Java Sea.", set()),
    # "called for X to do": X is asked
    ("The United States called for NATO members to increase spending.", {("USA", "Request", "NATO", "asserted")}),
    # an organ named alone is of the state the text names
    ("Argentina's congress passed a law, but the senate rejected Chile's proposal.", {("ARG", "Reject", "CHL", "asserted")}),
    # a phrasal verb of the dictionary beats its bare verb's trigger; calling off a strike concedes at home
    ("The Nigerian teachers' union called off its strike.", {("NGA", "Concede", "NGA", "asserted")}),
    # ... while passing a bill concedes to no one named
    ("The Argentine congress approved a bill.", set()),
    # a build-up of forces is on the place it happens in
    ("Israel strengthened its forces in Lebanon.", {("ISR", "Mobilize", "LBN", "asserted")}),
    # a place may hang on a participle describing the object
    ("The Sudanese government shortened the curfew imposed in Khartoum.", {("SDN", "Concede", "SDN", "asserted")}),
    # a threat of what would be done in one's own country is domestic
    ("Algeria threatened to impose a curfew in Algiers.", {("DZA", "Threaten", "DZA", "asserted")}),
    # people of one's own country, named by a common noun, are acted upon
    ("Iranian authorities pressured workers of a Tehran bus company.", {("IRN", "Request", "IRN", "asserted")}),
    # a strike that lasts is a labour strike, not an air strike
    ("Serbian workers began an open-ended strike.", {("SRB", "Protest", "SRB", "asserted")}),
    # a title-case headline is parsed in sentence case: revising plans to supply arms weighs them
    ("Seoul Forced to Revise Plans to Supply Arms to Ukraine Due to Trump's Victory", {("KOR", "SupplyWeapons", "UKR", "considered")}),
    # whoever announces plans has them
    ("Japan announced plans to send troops to Iraq.", {("JPN", "DeployTroops", "IRQ", "planned")}),
    # the alternative preferred is what is done
    ("Chile resisted calls to send arms to Peru, preferring instead to aid Lima with food.",
     {("CHL", "Reject", None, "asserted"), ("CHL", "Aid", "PER", "asserted")}),
    # "the two countries" are the two parties named together last; a by-phrase on an active verb is no agent
    ("Turkey and Greece had poor relations, but the leaders of the two countries spoke by telephone.",
     {("TUR", "Consult", "GRC", "asserted")}),
    # ("the two" and "both" alone are the same; both sides are whatever the parties are; with no two named together,
    # "the two" are the two parties of the last act told between two)
    ("Turkey and Greece held talks. Both pledged to improve relations.",
     {("TUR", "Consult", "GRC", "asserted"), ("TUR", "Support", "GRC", "planned")}),
    ("The Ethiopian army and the TPLF agreed to a truce. Both sides accused each other of violating it.",
     {("ETH", "Agree", "ETH", "planned"), ("ETH", "Accuse", "ETH", "asserted")}),
    ("Iran's foreign minister met his Saudi counterpart in Beijing. The two agreed to reopen embassies.",
     {("IRN", "Consult", "SAU", "asserted"), ("IRN", "Agree", "SAU", "planned")}),
    # a region stands for its country: a governor there acts for it
    ("Wisconsin's governor imposed a curfew in Milwaukee.", {("USA", "Coerce", "USA", "asserted")}),
    ("Thailand planned to implement a curfew.", {("THA", "Coerce", "THA", "planned")}),
    # a verb form heading a prepositional phrase is a preposition, no event
    ("Indonesian authorities, according to the Lombok Bulletin, have noted unusual data.", set()),
    # general verbs take their sense from their object: the dictionary codes them only by a pattern
    ("In a new poll, Lula led Bolsonaro by ten points.", set()),
    ("Japan gave humanitarian aid to Nepal.", {("JPN", "Aid", "NPL", "asserted")}),
    # whoever dies undergoes the event: no attack by the dead
    ("Brazil's former president died at a hospital in Portugal.", set()),
    # a storm or a disease is no actor, nor what "it" refers to after it
    ("Cyclone Freddy killed hundreds of people in Malawi.", set()),
    ("The storm reached the coast of Vietnam on Monday. It forced thousands of residents to flee.", set()),
    # "it" is not the officials
    ("Chinese officials said it had killed three people in Wuhan.", set()),
    # a news outlet asks and reports: it is no party
    ("Wikinews contacted the Peruvian Foreign Ministry.", set()),
    # ... nor a partner of talks where a claim is told; but a state that bans or accuses one acts on it
    ("Putin told Reuters that Russia would respond.", set()),
    ("Zelensky thanked the BBC for its coverage.", set()),
    ("Russia banned the BBC.", {("RUS", "Coerce", "GBR", "asserted")}),
    ("China accused CNN of spreading lies about Xinjiang.", {("CHN", "Accuse", "USA", "asserted")}),
    # whoever an attack is attributed to is accused of it; a success attributed to someone is no event
    ("Turkey attributed the bombing in Ankara to Kurdish militants.", {("TUR", "Accuse", "TUR", "asserted")}),
    ("Lula attributed his victory to Brazilian voters.", set()),
    # coordinated verbs share the complement that follows the last ("right-node raising")
    ("The European Union condemned and sanctioned Belarus.", {("EU", "Accuse", "BLR", "asserted"), ("EU", "Sanction", "BLR", "asserted")}),
    ("Kenyan police fired and landed a rubber bullet on a protester.", {("KEN", "Assault", "KEN", "asserted")}),
    # an ethnic community acts for the state it lives in, not for the one its name recalls
    ("Hundreds of ethnic Hungarians demonstrated in Slovakia on Sunday, Bratislava radio said.",
     {("SVK", "Protest", "SVK", "asserted")}),
    # a crowd is its members; "Hongkongers" is the plural of a demonym
    ("Thousands of Hongkongers marched against the Chinese government.", {("HKG", "Protest", "CHN", "asserted")}),
    # ... but "one of" is a pronoun, not a crowd
    ("Chile apologized to Peru for one of its ships, seized by Bolivia.", {("CHL", "Support", "PER", "asserted")}),
    # ... also when the parser hangs that complement on the first verb
    ("Senator Rand Paul spoke at the White House in Washington. A group of protesters surrounded and allegedly "
     "threatened Senator Rand Paul and his wife Kelley as they exited the event.",
     {("USA", "Assault", "USA", "asserted"), ("USA", "Threaten", "USA", "asserted")}),
    # ... but an intransitive verb keeps to itself
    ("Kenyan police arrived and detained Raila Odinga.", {("KEN", "Coerce", "KEN", "asserted")}),
    # an active verb coordinated with a passive shares its subject, not its agent
    ("The Peruvian prime minister was indicted by the supreme court and will resign.",
     {("PER", "Accuse", "PER", "asserted"), ("PER", "Retreat", None, "planned")}),
    # a resignation retreats from office: an event with no one acted upon ...
    ("The mayor of Lima resigned on Friday.", {("PER", "Retreat", None, "asserted")}),
    ("Peru's prime minister announced his resignation on Monday.", {("PER", "Retreat", None, "asserted")}),
    # closing down or dissolving a party, a group or an outlet restricts political freedoms (CAMEO 1721-1722), a
    # named one by its type as the noun would; a dissolved parliament or a closed border is no such body
    ("Thailand's constitutional court dissolved the opposition party.", {("THA", "Coerce", "THA", "asserted")}),
    ("The Nicaraguan government closed the opposition newspaper La Prensa.", {("NIC", "Coerce", "NIC", "asserted")}),
    ("Russia closed Amnesty International.", {("RUS", "Coerce", "amnesty-international", "asserted")}),
    ("Tunisia's president dissolved parliament.", set()),
    # (a body is always whom the act is done to, never what the verb moves: the dictionary's "suspend" too)
    ("Guinea's junta suspended the main opposition party for three months.", {("GIN", "Coerce", "GIN", "asserted")}),
    # a dependent territory acts for its state, as CAMEO codes it (Phoenix: PUERTO_RICO_ [USAPRI])
    ("Puerto Rico's governor announced her resignation on Tuesday.", {("USA", "Retreat", None, "asserted")}),
    ("Greenland's government rejected the American offer.", {("DNK", "Reject", "USA", "asserted")}),
    # ... but a resignation called for has not happened
    ("Protesters in Lima called for the resignation of the Peruvian president.", {("PER", "Request", "PER", "asserted")}),
    # firing a person ends a job; firing at someone or firing a weapon attacks
    ("Kenya's president fired the interior minister.", set()),
    ("Donald Trump fired FBI director James Comey.", set()),
    ("The Iraqi prime minister dismissed the defence minister.", set()),
    ("Israel dismissed the Iranian claims.", {("ISR", "Reject", "IRN", "asserted")}),
    ("Israeli troops fired rockets at Gaza.", {("ISR", "Assault", "PSE", "asserted")}),
    # only a state arrests, convicts or deports: an agentless passive is that state's, where it happened
    ("Two American tourists were arrested in Iran.", {("IRN", "Coerce", "USA", "asserted")}),
    ("Two Kenyan police officers were found guilty of murder on Tuesday.", {("KEN", "Accuse", "KEN", "asserted")}),
    ("The Malian president was arrested by mutinous soldiers.", {("MLI", "Coerce", "MLI", "asserted")}),
    # forces deployed or mobilised with no destination named are a mobilisation; what else is deployed is not
    ("The governor of Oregon deployed the National Guard.", {("USA", "Mobilize", None, "asserted")}),
    ("Russia mobilised 300,000 reservists.", {("RUS", "Mobilize", None, "asserted")}),
    # mobilising money for someone aids them; mobilising groups or voters is politics, no show of force
    ("The EU mobilised 50 million euros for Syria.", {("EU", "Aid", "SYR", "asserted")}),
    ("Turkey mobilised lobby groups in Germany.", set()),
    ("Armenia mobilised against Azerbaijan.", {("ARM", "Mobilize", "AZE", "asserted")}),
    ("Russia deployed troops to Belarus.", {("RUS", "DeployTroops", "BLR", "asserted")}),
    ("The company deployed new software.", set()),
    # forces sent to a city of one's own country are moved at home; an organisation's forces are its own
    ("The president sent National Guard troops to Minneapolis.", {("USA", "Mobilize", None, "asserted")}),
    ("Russia sent Hezbollah weapons.", {("RUS", "SupplyWeapons", "LBN", "asserted")}),
    # a light verb's event noun tells the event ("called a strike"), a phrasal verb its own ("called off")
    ("French unions called a nationwide strike against the pension reform.", {("FRA", "Protest", "FRA", "planned")}),
    ("Nigerian teachers called off a four-day strike.", {("NGA", "Concede", "NGA", "asserted")}),
    # whoever goes or is on strike strikes; a boycott protests
    ("Teachers in Kenya went on strike on Monday.", {("KEN", "Protest", "KEN", "asserted")}),
    ("The Venezuelan opposition boycotted the election.", {("VEN", "Protest", "VEN", "asserted")}),
    ("Russia blocked the UN resolution on Syria.", {("RUS", "Reject", "UN", "asserted")}),
    # a way blocked is passage obstructed, a protest (CAMEO 144); a resolution blocked is rejected
    ("Demonstrators blocked the main highway in Lebanon.", {("LBN", "Protest", "LBN", "asserted")}),
    # a protest whose purpose is a protest at someone is that one protest, done by the protesters
    ("Afghan refugees staged a hunger strike to protest against Germany's decision.", {("AFG", "Protest", "DEU", "asserted")}),
    ("Farmers blocked highways across France to protest against the EU trade deal.", {("FRA", "Protest", "EU", "asserted")}),
    ("Hundreds of thousands marched in Hong Kong in protests against Chinese interference.", {("HKG", "Protest", "CHN", "asserted")}),
    ("Kenyan doctors went on strike to demand better pay.",
     {("KEN", "Protest", "KEN", "asserted"), ("KEN", "Request", None, "asserted")}),
    # an organisation's fighters act for it, not for its country
    ("Hamas militants fired rockets at Israel.", {("PSE", "Assault", "ISR", "asserted")}),
    # what a body of people holds stands for them: an attack on a police checkpoint acts on people there
    ("Taliban fighters attacked a police checkpoint in Helmand province.", {("AFG", "Assault", "AFG", "asserted")}),
    # a pledge to deploy troops to a country threatens no one: the country is where they go
    ("Germany pledged to deploy a brigade to Lithuania next year.", {("DEU", "DeployTroops", "LTU", "planned")}),
    # "the country" inside a clause is the country the sentence is about, its subject, not the last one named
    ("Mali accused Ukraine of backing rebels in the north of the country in July.",
     {("MLI", "Accuse", "UKR", "asserted"), ("UKR", "Support", "MLI", "asserted")}),
    # a clause after the object's preposition is the charge, no place of the object: the opposition is Venezuela's
    ("Venezuela's president accused the opposition of plotting a coup with the help of Washington.",
     {("VEN", "Accuse", "VEN", "asserted")}),
    # a demand addressed to no one named is still a request; an addressee left unresolved is not a demand
    ("The United Nations called for calm.", {("UN", "Request", None, "asserted")}),
    ("Germany demanded an apology.", {("DEU", "Request", None, "asserted")}),
    ("The minister asked his countrymen to stay at home.", set()),
    # ... but a possessive whose owner is a named office is its holder's own: "his countrymen" are India's people
    ("The Indian Prime Minister asked his countrymen to stay at home.", {("IND", "Request", "IND", "asserted")}),
    # a singular possessive is no plural subject's: "his" is the president's, a clause up, not the protesters'
    ("Sri Lanka's president fled the country after protesters stormed his residence.", {("LKA", "Assault", "LKA", "asserted")}),
    ("The president fled after protesters stormed his residence.", set()),
    ("Police in London recovered a guidebook in his home.", set()),
    # an envoy stands for the state that sent it
    ("Germany summoned the Russian ambassador.", {("DEU", "Consult", "RUS", "asserted")}),
    # exchanging fire is fighting each other; exchanging views is no attack
    ("India and Pakistan exchanged fire along the Line of Control.", {("IND", "Assault", "PAK", "asserted"), ("PAK", "Assault", "IND", "asserted")}),
    ("The ministers exchanged views on trade.", set()),
    # warring parties that trade prisoners each release the other's people; the "for"-phrase is what comes back
    ("Armenia and Azerbaijan exchanged prisoners of war in January.", {("ARM", "Retreat", "AZE", "asserted"), ("AZE", "Retreat", "ARM", "asserted")}),
    ("Kyiv and Moscow swapped detainees for captured soldiers.", {("UKR", "Retreat", "RUS", "asserted"), ("RUS", "Retreat", "UKR", "asserted")}),
    # a definite description refers back to the last sentence's main subject when it is of its kind (the most
    # salient entity), not to the name met last
    ("Lithuania shut its border with Belarus. The country accused Minsk of sending migrants across it.",
     {("LTU", "Sanction", "BLR", "asserted"), ("LTU", "Accuse", "BLR", "asserted")}),
    ("The African Union met in Addis Ababa. The bloc suspended Mali.", {("AU", "Sanction", "MLI", "asserted")}),
    ("Hezbollah fired rockets into Israel. The militant group accused Israel of striking Beirut.",
     {("LBN", "Assault", "ISR", "asserted"), ("LBN", "Accuse", "ISR", "asserted"), ("ISR", "Assault", "LBN", "asserted")}),
    # "he" refers back to an office named by its holder's role, acting for its state
    ("The Iranian foreign minister landed in Baghdad. He urged Iraq to expel US troops.",
     {("IRN", "Request", "IRQ", "asserted")}),
    # a warning to no one that a harm lies ahead foretells it; a warning to someone, or of what they will pay, threatens
    ("The World Food Programme warned that Yemen faces famine.", set()),
    ("Israel warned that Hezbollah would pay a heavy price.", {("ISR", "Threaten", "LBN", "asserted")}),
    # the parser may hang the doer's by-phrase on the act's object: the comment is still on the doer
    ("Belgrade condemned the arrest of a Serbian police officer by Kosovo police.", {("SRB", "Accuse", "XKX", "asserted")}),
    # balking at a proposal rejects it
    ("Beijing balked at the American proposal.", {("CHN", "Reject", "USA", "asserted")}),
    # a participle's agent names the doer of an act, not whom a person is wanted or employed by
    ("Mexican marines arrested a cartel leader wanted by the United States.", {("MEX", "Coerce", "MEX", "asserted")}),
    ("Moscow condemned the sanctions imposed by the European Union.", {("RUS", "Accuse", "EU", "asserted")}),
    # what someone is held on charges or suspicion of is only alleged: no event of its own
    ("A court in Istanbul jailed Osman Kavala on charges of trying to overthrow the government.",
     {("TUR", "Coerce", "TUR", "asserted")}),
    # who oversees, directs or leads an act does it
    ("Kim Jong Un oversaw the test of a new intercontinental ballistic missile.", {("PRK", "Mobilize", None, "asserted")}),
    # coordinated verbs share their subject: "he" in what the second says is the first one's subject
    ("Putin met Erdogan in Sochi and said he would send more troops to Syria.",
     {("RUS", "Consult", "TUR", "asserted"), ("RUS", "DeployTroops", "SYR", "planned")}),
    # fighters named by a creed (tagged a proper noun) are of no owner: of the place where they act
    ("Jihadist fighters killed 30 soldiers in an ambush in northern Burkina Faso.", {("BFA", "Assault", "BFA", "asserted")}),
    # a with-phrase after "in solidarity", "in coordination", "together" names a companion, wherever the parser hangs it
    ("Hezbollah fired rockets into northern Israel in solidarity with Hamas.", {("LBN", "Assault", "ISR", "asserted")}),
    # one person is no "they": in what Maduro says, "they" are others, not Venezuela
    ("\"They are trying to destroy our country,\" Maduro said of the United States.", set()),
    # "whether or not" opens a question: its "not" negates nothing
    ("The minister would not say whether or not Israel had bombed the airport in Damascus.",
     {("ISR", "Assault", "SYR", "considered")}),
    # what one must know or understand is no act asked of anyone; what one must do is
    ("Zelensky said Germany must understand that Russia will not stop.", set()),
    ("The Egyptian president said the US must be ready to mediate between Israel and Hamas.",
     {("EGY", "Request", "USA", "asserted")}),
    # (as an owner, "the country" is the sentence's subject's, as inside a phrase)
    ("Mali accused Ukraine of arming the country's rebels.",
     {("MLI", "Accuse", "UKR", "asserted"), ("UKR", "SupplyWeapons", "MLI", "asserted")}),
    ("Morocco accused Algeria of arming rebels in the south of the kingdom.",
     {("MAR", "Accuse", "DZA", "asserted"), ("DZA", "SupplyWeapons", "MAR", "asserted")}),
    # (never the subject of the verb it is the object of, which would say "itself")
    ("Greece refused to recognise the breakaway republic.", set()),
    # (else the latest name of its kind: the state's own organs are no bloc; a name is no description)
    ("Nigerian police arrested members of the banned Movement for the Survival of the Ogoni People.",
     {("NGA", "Coerce", "NGA", "asserted")}),
    # with its accuser named, the passive tells what the active does: the one accused did it
    ("Russia was accused by Ukraine of shelling the Zaporizhzhia nuclear plant.",
     {("UKR", "Accuse", "RUS", "asserted"), ("RUS", "Assault", "UKR", "asserted")}),
    # designating or calling someone a wrongdoer accuses them, whichever way the parser reads the two objects
    ("The European Union designated Hamas a terrorist organisation.", {("EU", "Accuse", "PSE", "asserted")}),
    # saying that someone is what a negative descriptor names describes them so, as calling them it does
    ("\"China is the biggest threat to our security,\" the Japanese defence minister said.", {("JPN", "Accuse", "CHN", "asserted")}),
    ("Zelensky said Russia was a terrorist state.", {("UKR", "Accuse", "RUS", "asserted")}),
    ("Iran said Israel was not a threat.", set()),
    ("The minister said the biggest threat was climate change.", set()),
    ("Biden called Putin a killer.", {("USA", "Accuse", "RUS", "asserted")}),
    # a reply to sanctions is a sanction; export controls are sanctions
    ("Beijing retaliated against American tariffs.", {("CHN", "Sanction", "USA", "asserted")}),
    ("China imposed export controls on Japan.", {("CHN", "Sanction", "JPN", "asserted")}),
    ("Tehran retaliated against the Israeli strike.", {("IRN", "Assault", "ISR", "asserted")}),
    # support thrown behind someone is given to them
    ("Germany threw its support behind Ukraine's bid to join the EU.", {("DEU", "Support", "UKR", "asserted")}),
    # those an organisation or a state sends act for it
    ("UN inspectors accused Iraq of hiding weapons.", {("UN", "Accuse", "IRQ", "asserted")}),
    ("Observers from the OSCE accused Azerbaijan of fraud.", {("OSCE", "Accuse", "AZE", "asserted")}),
    ("Qatari mediators urged Hamas to accept the deal.", {("QAT", "Request", "PSE", "asserted")}),
    # a show of force around or off a country is directed at it; the place may hang on the light verb
    ("Beijing held military drills around Taiwan.", {("CHN", "Mobilize", "TWN", "asserted")}),
    ("Russia staged naval exercises off the coast of Japan.", {("RUS", "Mobilize", "JPN", "asserted")}),
    # a name compounded with a noun of decision or plan owns it and does what it decides
    ("The Kremlin decision to send troops to Belarus alarmed Warsaw.", {("RUS", "DeployTroops", "BLR", "planned")}),
    # what one likes or would love to do is a disposition, not an act told
    ("Putin likes attacking Ukraine.", {("RUS", "Assault", "UKR", "considered")}),
    # what is expressed decides the act (the dictionary's list); an interest expressed is none
    ("Biden expressed an interest in the French police.", set()),
    ("Germany expressed disappointment with Poland.", {("DEU", "Accuse", "POL", "asserted")}),
    # opposition voiced is a rejection, not the opposition camp acted on
    ("India expressed opposition to the American plan.", {("IND", "Reject", "USA", "asserted")}),
    ("The opposition boycotted the vote in Caracas.", {("VEN", "Protest", "VEN", "asserted")}),
    # the means of policing a crowd by force, used on it, are violent repression (CAMEO 175)
    ("Police in Belarus used rubber bullets on demonstrators.", {("BLR", "Assault", "BLR", "asserted")}),
    ("The army used excessive force against protesters in Dhaka.", {("BGD", "Assault", "BGD", "asserted")}),
    # an ambiguous name is the state news means by it ("Congo" alone is the DRC)
    ("Congo accused Rwanda of supporting rebels.", {("COD", "Accuse", "RWA", "asserted")}),
    # an attempt made or a motion filed is its maker's; a proposal only rejected is not the rejecter's act
    ("South Korea's opposition party filed a motion to impeach President Yoon Suk Yeol.",
     {("KOR", "Accuse", "KOR", "considered")}),
    ("Russia launched a bid to capture Kharkiv.", {("RUS", "Assault", "UKR", "considered")}),
    ("The EU rejected a proposal to sanction Russia.", {("EU", "Reject", None, "asserted")}),
    # a building acted on is the agent its compound names; one only named in passing is no one's
    ("Protesters in Nairobi stormed the parliament building.", {("KEN", "Assault", "KEN", "asserted")}),
    ("Gunmen attacked the army headquarters in Bamako.", {("MLI", "Assault", "MLI", "asserted")}),
    ("The Irish police offered him a tour of the police headquarters in Paris.", set()),
    # whom a state coerces, named by a calling or a body of any country, is of that state; not whom it only accuses
    ("The Philippine Senate ordered the arrest of a pastor accused of trafficking.", {("PHL", "Coerce", "PHL", "asserted")}),
    ("The Ugandan government suspended 54 non-governmental organisations.", {("UGA", "Coerce", "UGA", "asserted")}),
    ("Israeli officials accused NGOs of bias.", set()),
    # a participle's own by-phrase is its doer, never also whom it is done to
    # (the rescue is aid to the children, as "rescued 100 hostages" is)
    ("Nigerian soldiers rescued 30 schoolchildren kidnapped by gunmen in Kaduna.",
     {("NGA", "Coerce", "NGA", "asserted"), ("NGA", "Aid", "NGA", "asserted")}),
    # a bid to join a body is its applicant's: the body compounded is what is joined
    ("Hungary blocked Sweden's NATO bid.", {("HUN", "Reject", "SWE", "asserted")}),
    ("France backed Ukraine's EU accession.", {("FRA", "Support", "UKR", "asserted")}),
    # what someone is punished for is a reason, not a second target
    ("The US Treasury sanctioned four Israeli settlers for violence against Palestinians.",
     {("USA", "Sanction", "ISR", "asserted")}),
    # leaving a union of states (a named one by its type) withdraws from it; leaving a place or a meeting does not
    ("Nicaragua left the Organization of American States.", {("NIC", "Retreat", "OAS", "asserted")}),
    ("Hungary threatened to leave the European Union.", {("HUN", "Threaten", "EU", "asserted")}),
    ("The president of Ukraine left Kyiv on Monday.", set()),
    # an organ named alone is of the state where the scene is, not of a party named last
    ("Hundreds rallied in Dhaka against India's border killings; police arrested dozens of protesters.",
     {("BGD", "Coerce", "BGD", "asserted"), ("BGD", "Protest", "IND", "asserted")}),
    # a pronoun object is never its own clause's subject, and "them" is a plural group before a state
    ("Students in Dhaka protested against a water deal with India, and police fired tear gas at them.",
     {("BGD", "Assault", "BGD", "asserted"), ("BGD", "Protest", "BGD", "asserted")}),
    ("Protesters gathered in Tbilisi and police dispersed them with water cannon.",
     {("GEO", "Coerce", "GEO", "asserted"), ("GEO", "Protest", "GEO", "asserted")}),
    # (an infinitive of purpose has its subject above: "them" are not the police)
    ("Opposition supporters gathered in Lusaka on Monday. Police fired tear gas to disperse them.",
     {("ZMB", "Coerce", "ZMB", "asserted")}),
    ("Russia is under pressure. Russia asked China to help it.", {("RUS", "Request", "CHN", "asserted")}),
    # a protest with no target named answers the doer of the act it follows or is over; a clause of time is no cause
    ("Russia protested after Finland joined NATO.", {("RUS", "Accuse", "FIN", "asserted")}),
    ("Thousands protested in Seoul after President Yoon Suk Yeol declared martial law.",
     {("KOR", "Protest", "KOR", "asserted"), ("KOR", "Coerce", "KOR", "asserted")}),
    ("Canada protested over the detention of its citizens by China.",
     {("CAN", "Accuse", "CHN", "asserted"), ("CHN", "Coerce", "CAN", "asserted")}),
    ("Students in Manila protested as the Philippine senate voted on the bill.", {("PHL", "Protest", "PHL", "asserted")}),
    # answering force is force at whoever used it (a pledge of it threatens them); answering anything else is no event
    ("Iran vowed to respond to any Israeli attack.", {("IRN", "Threaten", "ISR", "asserted")}),
    ("Israel responded to the attack by Hamas with airstrikes on Gaza.", {("ISR", "Assault", "PSE", "asserted")}),
    ("The Russian minister responded to questions from American reporters.", set()),
    ("Russia will respond to the shelling of Belgorod, the Kremlin said.", set()),
    # so does a threat; a clause of time or cause is no act vowed or threatened, and tells its own event
    ("Hezbollah vowed revenge after Israel killed a Hezbollah commander.",
     {("LBN", "Threaten", "ISR", "asserted"), ("ISR", "Assault", "LBN", "asserted")}),
    ("Iran vowed revenge after an Israeli strike killed two commanders.",
     {("IRN", "Threaten", "ISR", "asserted"), ("ISR", "Assault", "IRN", "asserted")}),
    # (the parser may read a clause's subject as its subordinator's object)
    ("Rescuers rushed to the scene after a Russian missile strike hit a hospital in Kyiv.",
     {("RUS", "Assault", "UKR", "asserted")}),
    # shared acts (agreements, ties, talks) stay one event between the parties
    ("Serbia and Kosovo agreed to implement the normalisation deal.", {("SRB", "Agree", "XKX", "planned")}),
    # a payment of a loan is aid from who pays it
    ("Sri Lanka received a $330 million tranche from the IMF.", {("IMF", "Aid", "LKA", "asserted")}),
    # "charged X with doing": X did it (and is charged for it)
    ("The US charged seven Chinese hackers with targeting critics of Beijing.",
     {("USA", "Accuse", "CHN", "asserted"), ("CHN", "Assault", "CHN", "asserted")}),
    # what a body or a medium has (access, activities) is of its holder's class
    ("Egyptian authorities blocked access to hundreds of news websites.", {("EGY", "Coerce", "EGY", "asserted")}),
    ("The Ugandan government suspended the activities of 54 Ugandan NGOs.", {("UGA", "Coerce", "UGA", "asserted")}),
    ("Protesters blocked access to the port of Durban.", {("ZAF", "Protest", "ZAF", "asserted")}),
    # missiles fired into the sea hit no one: a show of force at no one named (CAMEO 15); weapons are no people acted on
    ("North Korea fired two ballistic missiles into the sea off its east coast.", {("PRK", "Mobilize", None, "asserted")}),
    ("Russia fired missiles at Kyiv.", {("RUS", "Assault", "UKR", "asserted")}),
    # "them" after a plural thing the rules know (weapons, sanctions, documents) is the thing, no one acted on;
    # after people it is the people
    ("Iran fired drones at Israel, and Jordan shot them down.", {("IRN", "Assault", "ISR", "asserted")}),
    ("Hamas took hostages from Israel and later freed them.",
     {("PSE", "Assault", "ISR", "asserted"), ("PSE", "Retreat", "ISR", "asserted")}),
    # describing verbs with two objects, or the description in apposition to the one described
    ("The United States designated the Houthis a terrorist organisation.", {("USA", "Accuse", "YEM", "asserted")}),
    # revoking what lets a medium work closes it down (its licence takes its holder's class); a cancelled meeting
    # stays the dictionary's reduced relations
    ("Hungary's media regulator revoked the licence of an independent radio station.", {("HUN", "Coerce", "HUN", "asserted")}),
    ("Kenya cancelled the licences of three television channels.", {("KEN", "Coerce", "KEN", "asserted")}),
    ("The United States cancelled a meeting with North Korea.", {("USA", "Sanction", "PRK", "asserted")}),
    # an agent phrase that opens a sentence: its first word, tagged a name, owns nothing
    ("Riot police dispersed the protesters in Harare.", {("ZWE", "Coerce", "ZWE", "asserted")}),
    # members of a legislature dissent at home; a parliament itself protests to another state
    ("Lawmakers in Harare staged a protest.", {("ZWE", "Protest", "ZWE", "asserted")}),
    ("Opposition lawmakers in Harare staged a walkout.", {("ZWE", "Protest", "ZWE", "asserted")}),
    ("The Kenyan parliament protested to Uganda.", {("KEN", "Accuse", "UGA", "asserted")}),
    # a state's own nationals, named by their demonym, are people it acts on at home
    ("Police in Harare detained dozens of Zimbabweans.", {("ZWE", "Coerce", "ZWE", "asserted")}),
    # a harm suffered in an attack is the attack's doer's, on where it fell
    ("Three soldiers were killed in a Russian missile attack on Kharkiv.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Two Ukrainian soldiers were killed in a Russian drone strike.", {("RUS", "Assault", "UKR", "asserted")}),
    ("He was killed in a car accident in Kyiv.", set()),
    # a body suspending a member state, or its membership, sanctions it; a thing of a state is no member
    ("The African Union suspended Mali's membership.", {("AU", "Sanction", "MLI", "asserted")}),
    ("The United States' National Basketball Association (NBA) suspended its season.", set()),
    # an abbreviation the text defines is its long form's, where the gazetteer knows neither
    ("The Tigray People's Liberation Front (TPLF) rejected the plan, and Ethiopia accused the TPLF of attacks.",
     {("ETH", "Accuse", "ETH", "asserted"), ("ETH", "Reject", None, "asserted")}),
    # a state's act told in the passive is on its own people; a count is no part of a people's name; a place the
    # parser hangs on the object places the police
    ("Hundreds of Venezuelans were detained after the disputed election.", {("VEN", "Coerce", "VEN", "asserted")}),
    ("Three Britons were arrested in Iran.", {("IRN", "Coerce", "GBR", "asserted")}),
    ("Police detained three Britons in Tehran.", {("IRN", "Coerce", "GBR", "asserted")}),
    # a gang's attack at home is on its state, as an armed group's is
    ("Haitian gangs attacked the main airport in Port-au-Prince.", {("HTI", "Assault", "HTI", "asserted")}),
    # a pact or a partnership suspended reduces relations with the partner
    ("Washington suspended its strategic partnership with Tbilisi.", {("USA", "Sanction", "GEO", "asserted")}),
    # a crackdown with no one named is the state the text is about; whom a commented act hit is not the commenter's
    ("Georgian police detained dozens of protesters in Tbilisi. The European Union and the United States have "
     "condemned the crackdown.", {("GEO", "Coerce", "GEO", "asserted"), ("EU", "Accuse", "GEO", "asserted"),
                                 ("USA", "Accuse", "GEO", "asserted")}),
    ("Georgian police detained dozens of protesters in Tbilisi. The United States condemned the arrest of the "
     "opposition leader.", {("GEO", "Coerce", "GEO", "asserted"), ("USA", "Accuse", "GEO", "asserted")}),
    # a war or a conflict between parties is fought by each on the other; one with its target named is one-way; a
    # conflict that is the topic of views tells of no fighting
    ("The war between Russia and Ukraine has killed thousands.",
     {("RUS", "Assault", "UKR", "asserted"), ("UKR", "Assault", "RUS", "asserted")}),
    ("Russia's war against Ukraine entered its third year.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Candidates were asked for their views on the conflict between Armenia and Azerbaijan.", set()),
    # a reply takes the kind of what it is made with (the dictionary's bare "hit" is force)
    ("China hit back at US chip curbs with an export ban.", {("CHN", "Sanction", "USA", "asserted")}),
    ("Israel hit back at Hezbollah with airstrikes.", {("ISR", "Assault", "LBN", "asserted")}),
    # a verb the parser joins to a reported clause whose subject acts for no one is the speaker's
    ("China's commerce ministry said the measures were needed and accused the United States of abusing export "
     "controls.", {("CHN", "Accuse", "USA", "asserted")}),
    # a clause on an act noun is done by the act's doer ("claimed responsibility for a bombing that killed ...")
    ("The Pakistani Taliban claimed responsibility for a suicide bombing that killed 12 police officers in Peshawar.",
     {("PAK", "Assault", "PAK", "asserted")}),
    # a place, or a name of no country the NER took for a body, is no party to a reciprocal act
    ("Pakistani and Afghan forces exchanged fire at the Torkham border crossing overnight.",
     {("PAK", "Assault", "AFG", "asserted"), ("AFG", "Assault", "PAK", "asserted")}),
    # a participle after a parenthetical "officials said" goes with the report, not with those who tell it
    ("Pakistani and Afghan forces exchanged fire at the border overnight, officials on both sides said, killing at "
     "least two soldiers.", {("PAK", "Assault", "AFG", "asserted"), ("AFG", "Assault", "PAK", "asserted")}),
    # a place named with its kind ("Paktika province") is the gazetteer's place; those an attack there hit are its
    ("Kabul said Pakistani airstrikes in Paktika province had killed 46 civilians.", {("PAK", "Assault", "AFG", "asserted")}),
    # a participle on the noun it was done to is passive
    ("Venezuelan migrants deported from the United States arrived in Caracas.", {("USA", "Coerce", "VEN", "asserted")}),
    # a bare camp is of the state a person of its own sentence acts for, before a state named in the sentence before
    ("The opposition urged Washington to keep up pressure. Maduro's government accused the opposition of plotting a "
     "coup.", {("VEN", "Request", "USA", "asserted"), ("VEN", "Accuse", "VEN", "asserted")}),
    # "foreign" agents are of no state the text names, at the head of the agent phrase too
    ("President Aleksandar Vucic accused foreign intelligence services of orchestrating the protests in Belgrade.", set()),
    # a warning is made to the one its condition is on; a threat to do something, to whom it would be done
    ("Iran's foreign minister warned that Tehran would not stand idly by if Israel launched a full-scale war on "
     "Lebanon.", {("IRN", "Threaten", "ISR", "asserted")}),
    ("North Korea threatened to attack South Korea if the United States deployed bombers.",
     {("PRK", "Threaten", "KOR", "asserted")}),
    # "the government" is of no state named only as where someone went
    ("Protests toppled Sheikh Hasina in Bangladesh. Hasina fled to India on August 5. The interim government has "
     "asked India to extradite Hasina.", {("BGD", "Protest", "BGD", "asserted"), ("BGD", "Request", "IND", "asserted")}),
    # walking out is a protest; the dictionary's bare "walk out" (going somewhere, a meeting) is not
    ("Opposition lawmakers in Harare walked out of parliament in protest.", {("ZWE", "Protest", "ZWE", "asserted")}),
    # protesters are of where their own sentence places them before a state named in the sentence before (and a
    # participle the parser makes the clause subject is done by its own subject)
    ("The junta accused France of failing to stop the insurgency. Protesters waving Russian flags have rallied "
     "outside the French embassy in Ouagadougou.", {("BFA", "Protest", "FRA", "asserted")}),
    # "Western governments" are no one state's
    ("Western governments have accused Russian mercenaries of committing abuses against civilians in Mali.", set()),
    # the administration a party accuses is its own country's, whatever state was named last
    ("President Trump threatened Venezuela with military strikes. The US Democratic Party accused the administration "
     "of misleading Congress.", {("USA", "Threaten", "VEN", "asserted"), ("USA", "Accuse", "USA", "asserted")}),
    # an act named again with "the" is the one told in that sentence or the two before, by its doers; further back
    # it is no one's
    ("The United States struck boats in the Caribbean. Colombia's president Gustavo Petro condemned the strikes as "
     "extrajudicial killings.", {("COL", "Accuse", "USA", "asserted")}),
    ("Russia attacked Kyiv overnight. The EU condemned the attack.",
     {("RUS", "Assault", "UKR", "asserted"), ("EU", "Accuse", "RUS", "asserted")}),
    ("Russia shelled Kharkiv overnight. The EU condemned the attack.",
     {("RUS", "Assault", "UKR", "asserted"), ("EU", "Accuse", "RUS", "asserted")}),
    # any act told (an exercise, what a sanction was done with) is what "the drills", "the sanctions" refer back to
    ("South Korea held military drills near the border. North Korea condemned the drills.",
     {("KOR", "Mobilize", None, "asserted"), ("PRK", "Accuse", "KOR", "asserted")}),
    ("Russia imposed sanctions on Georgia. The EU condemned the sanctions.",
     {("RUS", "Sanction", "GEO", "asserted"), ("EU", "Accuse", "RUS", "asserted")}),
    ("Russia attacked Kyiv overnight. Ukraine's allies met in Brussels on Monday. Talks continued in Paris. France "
     "condemned the attack.", {("RUS", "Assault", "UKR", "asserted")}),
    # an act told earlier in its own sentence is what a noun names again after it; a coup named as a figure is none
    ("A Kenyan court ordered the nurses' union to suspend the strike, but the union defied the order.",
     {("KEN", "Request", "KEN", "asserted"), ("KEN", "Concede", "KEN", "asserted"), ("KEN", "Reject", "KEN", "asserted")}),
    ("Turkey jailed the mayor, a move his party called a political coup against Erdogan's main rival.",
     {("TUR", "Coerce", "TUR", "asserted")}),
    # the parser may hang the object of "shot dead" on "dead"
    ("Police in Mozambique shot dead two protesters in Maputo.", {("MOZ", "Assault", "MOZ", "asserted")}),
    # people of no state or group who rally are the people of where they rally, not of the embassy they rally at
    ("Thousands of supporters of the coup rallied outside the French embassy in Niamey.",
     {("NER", "Protest", "FRA", "asserted")}),
    # putting people on trial is legal action against them ("try" alone is an attempt)
    ("Pakistan's military said it would try the rioters in army courts.", {("PAK", "Coerce", "PAK", "planned")}),
    ("Pakistan's prime minister tried to stop the protests.", set()),
    # a description of two or three words is one too ("a foreign agent", "a war criminal")
    ("Russian police detained a journalist. The Kremlin designated the journalist a foreign agent.",
     {("RUS", "Coerce", "RUS", "asserted"), ("RUS", "Accuse", "RUS", "asserted")}),
    # an assembly's no-confidence motion disapproves of whom it is against; one passed is decided, one filed proposed
    ("Thailand's parliament passed a no-confidence motion against the prime minister.", {("THA", "Accuse", "THA", "asserted")}),
    ("Lawmakers in Thailand filed a censure motion against the prime minister.", {("THA", "Accuse", "THA", "considered")}),
    # a coup against someone assaults them; one against no one named is no event
    ("The army staged a coup against the president of Bolivia.", {("BOL", "Assault", "BOL", "asserted")}),
    ("Soldiers staged a coup in Niger.", set()),
    # a pledge to refrain from a hostile act threatens no one
    ("Hamas vowed never to attack Egypt.", {("PSE", "Assault", "EGY", "negated")}),
    # whoever stands between parties is none of them: "the junta" between which others meet is not the host's
    ("Myanmar's junta bombed a village. Thailand hosted talks between the junta and ASEAN.",
     {("MMR", "Assault", "MMR", "asserted"), ("THA", "Consult", "MMR", "asserted"), ("THA", "Consult", "ASEAN", "asserted")}),
    ("Rebels attacked Niamey. Algeria offered to mediate between the junta and the rebels.",
     {("DZA", "Consult", "NER", "planned")}),
    # a legal act is against whom "against" names; with, at or before name where it is brought
    ("Mexico filed a complaint with the WTO against the United States.", {("MEX", "Accuse", "USA", "asserted")}),
    ("Ecuador lodged a complaint with the UN Security Council.", set()),
    # a meeting held is a consultation, not an intent to meet (the CAMEO dictionary's "meet with leaders" [036])
    ("Modi met with leaders of the opposition in New Delhi.", {("IND", "Consult", "IND", "asserted")}),
    ("Lavrov led a delegation to Pyongyang.", {("RUS", "Consult", "PRK", "asserted")}),
    # an arrest warrant is a legal act on whom it names; "issue" carries the noun as other light verbs do
    ("The ICC issued an arrest warrant for Vladimir Putin.", {("ICC", "Accuse", "RUS", "asserted")}),
    ("Argentina issued a warrant for the arrest of Iran's former president.", {("ARG", "Accuse", "IRN", "asserted")}),
    ("China issued a warning to the Philippines.", {("CHN", "Threaten", "PHL", "asserted")}),
    ("Russia issued an ultimatum to Ukraine.", {("RUS", "Threaten", "UKR", "asserted")}),
    # (the parser may hang the against-phrase on the venue's noun)
    ("Lebanon filed a complaint with the UN Security Council against Israel.", {("LBN", "Accuse", "ISR", "asserted")}),
    # (a state it is lodged with is whom it is brought to)
    ("Beijing lodged a complaint with Tokyo over the release of treated water.", {("CHN", "Accuse", "JPN", "asserted")}),
    # a verb shares the complements of the verb after it only when that one tells no event of its own
    ("China said it would retaliate and filed a complaint with the World Trade Organization.", set()),
    # a border is two states': an act near it is not placed in the state naming it, forces massed near it are aimed
    # across it
    ("Rebels in Myanmar captured several towns near the Chinese border.", set()),
    ("Russian troops massed near the Ukrainian border.", {("RUS", "DeployTroops", "UKR", "asserted")}),
    # (nor does it make the state of "the junta" said next)
    ("Rebels in Myanmar captured several towns near the Chinese border. The junta accused the rebels of attacking "
     "civilians.", {("MMR", "Accuse", "MMR", "asserted")}),
    # pensioners are people
    ("Argentine police used pepper spray against pensioners protesting outside Congress.",
     {("ARG", "Assault", "ARG", "asserted"), ("ARG", "Protest", "ARG", "asserted")}),
    # traded goods are their origin's; pausing is suspending
    ("The US threatened to impose tariffs on imports from Mexico and Canada.",
     {("USA", "Threaten", "MEX", "asserted"), ("USA", "Threaten", "CAN", "asserted")}),
    ("The US paused military aid to Ukraine.", {("USA", "Sanction", "UKR", "asserted")}),
    ("Trump agreed to pause tariffs on Mexican goods for a month.", {("USA", "Concede", "MEX", "planned")}),
    # a finite verb is no conjunct of an infinitive: it shares the subject of the clause the infinitive is in
    ("Niger's junta ordered the French ambassador to leave the country and expelled two Belgian diplomats.",
     {("NER", "Request", "FRA", "asserted"), ("NER", "Sanction", "BEL", "asserted")}),
    # a crowd counted ("hundreds of protesters") acts where its verb's phrases place it, as a crowd named bare does
    ("Hundreds of protesters gathered outside the Israeli embassy in Amman.", {("JOR", "Protest", "ISR", "asserted")}),
    # ending a pact with someone, or its consular services, reduces relations with them
    ("Niger's junta revoked military agreements with France.", {("NER", "Sanction", "FRA", "asserted")}),
    ("Mali terminated its defence pact with France.", {("MLI", "Sanction", "FRA", "asserted")}),
    ("India suspended visa services for Canadians.", {("IND", "Sanction", "CAN", "asserted")}),
    # only a state frees people from prison, custody or on bail: told in the passive, the state did it
    ("Senegal's opposition leader was released from prison on Friday.", {("SEN", "Retreat", "SEN", "asserted")}),
    ("Two Kenyan journalists were freed on bail.", {("KEN", "Retreat", "KEN", "asserted")}),
    # overturning a penalty eases it; overturning anything else rejects whoever decided it
    ("Senegal's Constitutional Council overturned President Macky Sall's decision to postpone the election.",
     {("SEN", "Reject", "SEN", "asserted")}),
    ("A Pakistani appeals court overturned the conviction of the opposition leader.", {("PAK", "Concede", "PAK", "asserted")}),
    # an accusation named again is its accuser's: rejecting it rejects them
    ("Canada said Indian agents may have been involved in the killing of a Sikh leader. India rejected the allegation.",
     {("CAN", "Accuse", "IND", "asserted"), ("IND", "Reject", "CAN", "asserted")}),
    ("Ukraine accused Russia of blocking the port. Moscow denied the charges.",
     {("UKR", "Accuse", "RUS", "asserted"), ("RUS", "Reject", "UKR", "asserted")}),
    # saying someone was involved or complicit in a harm accuses them; saying they were not clears them
    ("Canada said Indian agents may have been involved in the killing of a Sikh leader.",
     {("CAN", "Accuse", "IND", "asserted")}),
    ("Kyiv said Belarus was complicit in the invasion.", {("UKR", "Accuse", "BLR", "asserted")}),
    ("Ukraine said Russia was not responsible for the attack.", set()),
    ("The minister said Germany was involved in the talks.", set()),
    # force used alongside someone is military cooperation with them too (not a path: "along the border")
    ("Eritrean troops fought alongside Ethiopian forces in Tigray.",
     {("ERI", "Assault", "ETH", "asserted"), ("ERI", "Cooperate", "ETH", "asserted")}),
    ("Iraqi police arrested the suspect together with US agents.",
     {("IRQ", "Coerce", "IRQ", "asserted"), ("IRQ", "Cooperate", "USA", "asserted")}),
    # (whoever an act is done along or together with does it too)
    ("Britain, alongside France, condemned Iran.", {("GBR", "Accuse", "IRN", "asserted"), ("FRA", "Accuse", "IRN", "asserted")}),
    ("Along with Canada, the US sanctioned Russian banks.", {("USA", "Sanction", "RUS", "asserted"), ("CAN", "Sanction", "RUS", "asserted")}),
    # what one has the power or the right to do is what one could do
    ("Israel's parliament approved a law that limits the Supreme Court's power to overrule the government.",
     {("ISR", "Reject", "ISR", "considered")}),
    # an act of what parties share, named again by its type's class, is all its parties'
    ("Israel and Hamas agreed to a ceasefire. Egypt welcomed the agreement.",
     {("ISR", "Agree", "PSE", "planned"), ("EGY", "Support", "ISR", "asserted"), ("EGY", "Support", "PSE", "asserted")}),
    # a definite description said again is what it was a few sentences before, not the state named last
    ("Niger's junta suspended the constitution. Nigeria closed its border. The junta expelled the French ambassador.",
     {("NER", "Sanction", "FRA", "asserted")}),
    # (a place's kind owned by a state places those acting there: "in Haiti's capital")
    ("Haiti asked Kenya for help. Armed gangs attacked two prisons in Haiti's capital.",
     {("HTI", "Request", "KEN", "asserted"), ("HTI", "Assault", "HTI", "asserted")}),
    # the camp acted on by words is a party, not a stance; a stance taken stays its owner's act
    ("Kenya's government accused the opposition of fraud.", {("KEN", "Accuse", "KEN", "asserted")}),
    ("China criticised Japan's opposition to the plan.", {("CHN", "Accuse", "JPN", "asserted")}),
    # a participle clause of result is told as done, whatever the verb above means ("postponed", "suspended")
    ("The Senegalese president postponed the election, prompting protests in Dakar.", {("SEN", "Protest", "SEN", "asserted")}),
    ("Russia suspended the grain deal, blaming Ukraine for the attack.", {("RUS", "Accuse", "UKR", "asserted")}),
    # agreeing with an idea, or that something is so, is an opinion; agreeing with someone or to something is not
    ("Lula agreed with the nationalization of the Venezuelan oil industry.", set()),
    ("Moscow and Beijing agreed that the West was to blame.", set()),
    ("Iran agreed with Russia on a new gas deal.", {("IRN", "Agree", "RUS", "planned")}),
    # letting aid in retreats, where the clause of entry says it goes
    ("Israel allowed humanitarian aid to enter Gaza.", {("ISR", "Retreat", "PSE", "asserted")}),
    ("Cairo allowed aid trucks to enter Gaza.", {("EGY", "Retreat", "PSE", "asserted")}),
    # sharing intelligence is a tie; training another state's forces is military cooperation
    ("Tokyo and Seoul restored intelligence sharing.", {("JPN", "Support", "KOR", "asserted")}),
    ("Berlin will train Ukrainian soldiers on Patriot systems.", {("DEU", "Cooperate", "UKR", "planned")}),
    ("The United States trained Ukrainian pilots to fly F-16s.", {("USA", "Cooperate", "UKR", "asserted")}),
    # using weapons attacks whom or where they are used on
    ("Moscow used cluster munitions in Kharkiv.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Ukraine used drones to monitor the front line.", set()),
    # an inquiry's finding of a hostile act accuses its doer
    ("The OPCW found that Syrian forces had used chlorine gas in Douma.", {("OPCW", "Accuse", "SYR", "asserted")}),
    # returning or handing over captives releases them
    ("Baku returned 15 Armenian prisoners of war.", {("AZE", "Retreat", "ARM", "asserted")}),
    ("Ukraine handed over 50 Russian prisoners.", {("UKR", "Retreat", "RUS", "asserted")}),
    # people named by their group alone are where they act, before the country the text is about
    ("Students demonstrated outside the American embassy in Seoul.", {("KOR", "Protest", "USA", "asserted")}),
    # a relative clause says whom the object was aimed at: lifting what one imposed on someone concedes to them
    ("Israel lifted the closure it had imposed on the West Bank.", {("ISR", "Concede", "PSE", "asserted")}),
    # (the restrictions placed in 2017 are an event of their own, as imposed ones are)
    ("Washington eased the restrictions it placed on Havana in 2017.",
     {("USA", "Concede", "CUB", "asserted"), ("USA", "Sanction", "CUB", "asserted")}),
    # (not when the noun is the clause's subject: the troops attacked, not were sent to, Kyiv)
    ("Russia withdrew the troops that had attacked Kyiv.", {("RUS", "Assault", "UKR", "asserted")}),
    # whom shots are aimed at is acted upon: the place's country is the target
    ("Police fired shots at the crowd in Lagos.", {("NGA", "Assault", "NGA", "asserted")}),
    # a city before an agreement says where it was signed; a country, who is party to it
    ("The United States withdrew from the Paris climate agreement.", set()),
    ("The US withdrew from the Iran nuclear deal.", {("USA", "Retreat", "IRN", "asserted")}),
    # between politicians the dictionary's verbs of force are figures of speech: an election is no assault
    ("In 2008, Kay Hagan defeated Senator Elizabeth Dole.", set()),
    ("A gunman shot Shinzo Abe in Nara.", {("JPN", "Assault", "JPN", "asserted")}),
    # parties fight with words: their attacks accuse
    ("The Labour Party attacked the Conservatives over the NHS in London.", {("GBR", "Accuse", "GBR", "asserted")}),
    # a mediator meets both parties of what it brokers
    ("Egypt brokered a ceasefire between Israel and Jordan.", {("EGY", "Consult", "ISR", "asserted"), ("EGY", "Consult", "JOR", "asserted")}),
    # a visit with no one named as visited is to the place it happens in; a trip home is none
    ("Putin arrived in Pyongyang on Tuesday for a state visit.", {("RUS", "Consult", "PRK", "asserted")}),
    ("Macron arrived in Paris for a visit.", set()),
    # coordinated visitors each meet whom they visit, not one another; what two leaders discuss is a topic
    ("Macron and Scholz visited Kyiv.", {("FRA", "Consult", "UKR", "asserted"), ("DEU", "Consult", "UKR", "asserted")}),
    ("Macron and Scholz met Ukrainian officials.", {("FRA", "Consult", "UKR", "asserted"), ("DEU", "Consult", "UKR", "asserted")}),
    # ... and coordinated mediators each meet them, not one another
    ("Qatar and Egypt mediated between Israel and Jordan.",
     {("QAT", "Consult", "ISR", "asserted"), ("QAT", "Consult", "JOR", "asserted"),
      ("EGY", "Consult", "ISR", "asserted"), ("EGY", "Consult", "JOR", "asserted")}),
    # talks a clause is set in are its subject's: "in a call with", "during his visit to", "after talks with" (and held,
    # whatever the clause denies)
    ("Putin, in a telephone conversation with his French counterpart Jacques Chirac, discussed the situation in Chechnya.",
     {("RUS", "Consult", "FRA", "asserted")}),
    ("During his visit to China, Lula signed 15 agreements.", {("BRA", "Consult", "CHN", "asserted")}),
    ("Putin did not raise the issue in talks with Xi.", {("RUS", "Consult", "CHN", "asserted")}),
    # (not talks one takes part in: those are the act, and denied with it)
    ("Russia did not take part in the talks with Ukraine.", {("RUS", "Consult", "UKR", "negated")}),
    ("Macron said in an interview with CNN that France would not send troops.", {("FRA", "Mobilize", None, "negated")}),
    # a mediation told by a noun is with the parties it comes between
    ("Qatar continued its mediation between Israel and Jordan.", {("QAT", "Consult", "ISR", "asserted"), ("QAT", "Consult", "JOR", "asserted")}),
    ("Qatar said it would continue its mediation efforts between Israel and Jordan.",
     {("QAT", "Consult", "ISR", "planned"), ("QAT", "Consult", "JOR", "planned")}),
    # a comment on an act is on whoever did it, never on the state or place it hit
    ("France condemned the attack on Iran.", set()),
    ("Germany criticised the bombing of Gaza.", set()),
    ("Britain welcomed the sanctions on Russia.", set()),
    ("Russia condemned the attack against Iran.", set()),
    ("France condemned the Russian attack on Ukraine.", {("FRA", "Accuse", "RUS", "asserted")}),
    ("The EU condemned the annexation of Crimea by Russia.", {("EU", "Accuse", "RUS", "asserted")}),
    ("Israel condemned the Hamas attack on Sderot.", {("ISR", "Accuse", "PSE", "asserted")}),
    ("Iran called for an end to the Israeli strikes on Gaza.", {("IRN", "Request", "ISR", "asserted")}),
    ("Turkey called for an investigation into the attack on Iran.", {("TUR", "Request", None, "asserted")}),
    # ... and on people it hit, with no doer named, the state they live under
    ("The UN condemned the violence against protesters in Myanmar.", {("UN", "Accuse", "MMR", "asserted")}),
    # declaring an emergency restricts one's own country, as a curfew does
    ("Peru declared a national emergency in the Amazon region.", {("PER", "Coerce", "PER", "asserted")}),
    # a plural role noun of coordinated owners stands for each ("the leaders of Turkey and Greece")
    ("The foreign ministers of India and China met in Moscow.", {("IND", "Consult", "CHN", "asserted")}),
    # parties acting together on one named apart act each on it, not on each other
    ("Bahrain and Kosovo opened diplomatic relations with Israel.",
     {("BHR", "Support", "ISR", "asserted"), ("XKX", "Support", "ISR", "asserted")}),
    ("Russia and China held talks.", {("RUS", "Consult", "CHN", "asserted")}),
    # giving up what one holds retreats from it, to whoever gets it
    ("Armenia handed over the district to Azerbaijan.", {("ARM", "Retreat", "AZE", "asserted")}),
    ("Britain relinquished control of the port to Israel.", {("GBR", "Retreat", "ISR", "asserted")}),
    ("Britain sent aid to the region.", set()),
    # an offer is a planned agreement, of help even when its purpose is hostile; a mediator meets both parties
    ("Japan offered humanitarian aid to the Philippines after the typhoon.", {("JPN", "Agree", "PHL", "planned")}),
    ("China and Iran pledged funds to rebuild Syria.", {("CHN", "Agree", "SYR", "planned"), ("IRN", "Agree", "SYR", "planned")}),
    ("Turkey offered to mediate between Russia and Ukraine.", {("TUR", "Consult", "RUS", "planned"), ("TUR", "Consult", "UKR", "planned")}),
    # a reward offered for someone's capture promises nothing to anyone
    ("The United States offered a $10 million reward for the arrest of the Hezbollah financier.", set()),
    ("Washington offered a bounty for information on Iranian hackers.", set()),
    ("Among voters in Ohio, Biden received two-thirds of the votes.", set()),
    # the tagger may take an infinitive for a noun: "to host talks"
    ("Qatar offered to host talks between the Taliban and Pakistan.",
     {("QAT", "Consult", "AFG", "planned"), ("QAT", "Consult", "PAK", "planned")}),
    # a condition outranks the verb's own cue
    # (and "he" is the president the role noun names)
    ("If the Senate votes to impeach the president of Peru, he will resign.",
     {("PER", "Accuse", "PER", "considered"), ("PER", "Retreat", None, "planned")}),
    # meeting or giving in to demands or pressure concedes to whoever makes them; meeting a person consults
    ("Serbia agreed to meet the demands of Kosovo.", {("SRB", "Concede", "XKX", "planned")}),
    ("The Kenyan government bowed to pressure from Britain.", {("KEN", "Concede", "GBR", "asserted")}),
    ("Serbia gave in to demands from Britain.", {("SRB", "Concede", "GBR", "asserted")}),
    ("Kenyan President Ruto did not accede to the demands of the Kenyan protesters.",
     {("KEN", "Concede", "KEN", "negated"), ("KEN", "Reject", "KEN", "asserted")}),
    ("Putin met Erdogan in Sochi.", {("RUS", "Consult", "TUR", "asserted")}),
    # "we" in what someone says is the speaker's side; "her" the subject's up the clauses
    ('Iran\'s foreign minister said: "We will never negotiate with Israel."', {("IRN", "Consult", "ISR", "negated")}),
    ('"We condemn the sanctions imposed by the United States," the Chinese foreign ministry said.',
     {("CHN", "Accuse", "USA", "asserted")}),
    ("The German chancellor said her government would send more weapons to Ukraine.",
     {("DEU", "SupplyWeapons", "UKR", "planned")}),
    ("We mourn the loss of the Kenyan president.", set()),
    # whoever enacts an instrument does what it does; a ban restricts the state's own people, as a curfew does
    ("The Sri Lankan government issued an order banning face coverings.", {("LKA", "Coerce", "LKA", "asserted")}),
    ("Parliament passed a law banning protests in Hong Kong.", {("HKG", "Coerce", "HKG", "asserted")}),
    ("Tunisia banned the niqab.", {("TUN", "Coerce", "TUN", "asserted")}),
    # (a ban on trade with a country sanctions it: CAMEO 163)
    ("Russia banned imports of French cheese.", {("RUS", "Sanction", "FRA", "asserted")}),
    # trade is a relation: cutting it off sanctions, resuming it cooperates
    ("China cut off trade with Australia.", {("CHN", "Sanction", "AUS", "asserted")}),
    ("India and Pakistan resumed trade.", {("IND", "Cooperate", "PAK", "asserted")}),
    # a state's protest is a diplomatic complaint; people's protests are protests
    ("Canada protested to China over the arrests.", {("CAN", "Accuse", "CHN", "asserted")}),
    ("After the arrest of two Canadians, Canada protested.", set()),
    ("Thousands of Kenyans protested in Nairobi.", {("KEN", "Protest", "KEN", "asserted")}),
    ("Palestinian riots against Israeli military policies continued.", {("PSE", "Protest", "ISR", "asserted")}),
    # a coalition acts as its leader, not as its backer
    ("The Saudi-led coalition bombed a school in Yemen.", {("SAU", "Assault", "YEM", "asserted")}),
    ("Germany opposed the US-led war in Iraq.", {("DEU", "Reject", "USA", "asserted")}),
    # parties to a clash or fighting "between" them fight each other
    ("Clashes between protesters and police left 12 dead in Iraq.", {("IRQ", "Assault", "IRQ", "asserted")}),
    ("Fighting between Armenia and Azerbaijan resumed.", {("ARM", "Assault", "AZE", "asserted"), ("AZE", "Assault", "ARM", "asserted")}),
    ("Russia called for a cessation of fighting.", {("RUS", "Request", None, "asserted")}),
    # whoever claims or denies responsibility for an attack is told to have done it or not
    ("Al-Shabaab claimed responsibility for the attack in Mogadishu.", {("SOM", "Assault", "SOM", "asserted")}),
    ("The Taliban denied responsibility for the bombing in Kabul.", {("AFG", "Assault", "AFG", "negated")}),
    # an instrument used is no one who acts: the user does what it is used for
    ("Police used tear gas to disperse protesters in Santiago.", {("CHL", "Coerce", "CHL", "asserted")}),
    # "for" after a hostile verb is a side or a reason, not a target
    ("He fought for Ukraine in 2022.", set()),
    # a bill or budget passed on is a proposal: vetoing it rejects with no author named
    ("The Brazilian president vetoed the bill.", {("BRA", "Reject", None, "asserted")}),
    # diplomatic relations are diplomatic cooperation (CAMEO 05), economic ties material cooperation (06); the
    # parties named with what they share share it, whoever brought it about; a mediator consults them
    ("Israel and the UAE normalized relations.", {("ISR", "Support", "ARE", "asserted")}),
    ("The US helped restore ties between Qatar and Saudi Arabia.", {("QAT", "Support", "SAU", "asserted")}),
    ("Serbia and Kosovo opened economic ties.", {("SRB", "Cooperate", "XKX", "asserted")}),
    # a relative clause's object gap is its head noun; its subject does what the clause says
    ("The EU condemned the sanctions that Russia imposed on Moldova.",
     {("EU", "Accuse", "RUS", "asserted"), ("RUS", "Sanction", "MDA", "asserted")}),
    # an organ named with a plain adjective is the text's state's; a person's lawsuit is the person's
    ("In Michigan, a federal judge dismissed a Trump lawsuit.", {("USA", "Reject", "USA", "asserted")}),
    # whom an inquiry's question is about is investigated
    ("The UN will investigate whether Israel violated the ceasefire.", {("UN", "Investigate", "ISR", "planned")}),
    # a headline's "X to do Y" tells what is to be done; an infinitive inside a noun phrase does not
    ("US to send more troops to Poland", {("USA", "DeployTroops", "POL", "planned")}),
    ("Russia to withdraw troops and hold talks with Ukraine", {("RUS", "Consult", "UKR", "planned")}),
    # a crowd named by its size is the people of the country the text is about; a noun with a subject is a verb
    ("Thousands protest in Belgrade against government", {("SRB", "Protest", "SRB", "asserted")}),
    ("Crowds gathered outside parliament in Nairobi to protest the tax bill.", {("KEN", "Protest", "KEN", "asserted")}),
    ("Thousands of Russian troops crossed into Ukraine.", {("RUS", "Assault", "UKR", "asserted")}),
    # a person's camp acts for the person
    ("Supporters of Navalny rallied in Moscow.", {("RUS", "Protest", "RUS", "asserted")}),
    ("The Biden campaign criticised Donald Trump.", {("USA", "Accuse", "USA", "asserted")}),
    # a subject that is denied does not act: "neither ... nor"
    # (and a recognition denied in words is a rejection too)
    ("Neither France nor Germany recognised Kosovo.", {("FRA", "Support", "XKX", "negated"), ("DEU", "Support", "XKX", "negated"),
                                                       ("FRA", "Reject", "XKX", "asserted"), ("DEU", "Reject", "XKX", "asserted")}),
    # a threat of an attack is on whom it would hit
    ("Russia threatened an attack on Ukraine.", {("RUS", "Threaten", "UKR", "asserted")}),
    # a weapons test or exercises a light verb reports show force at no one named; joint exercises cooperate;
    # a nominal deployment alone refers back to one told before; an organisation with no force uses none
    ("North Korea test-fired two ballistic missiles on Thursday.", {("PRK", "Mobilize", None, "asserted")}),
    ("Iran tested a new cruise missile.", {("IRN", "Mobilize", None, "asserted")}),
    ("Pakistan conducted a nuclear test.", {("PAK", "Mobilize", None, "asserted")}),
    ("Russia held military exercises on Monday.", {("RUS", "Mobilize", None, "asserted")}),
    ("China and Russia held joint naval exercises.", {("CHN", "Cooperate", "RUS", "asserted")}),
    ("The United States conducted joint military exercises with South Korea.", {("USA", "Cooperate", "KOR", "asserted")}),
    ("After Pyongyang's troop deployment, Seoul said it would respond.", set()),
    ("SpaceX tested its Falcon Heavy rocket.", set()),
    # verb forms the lemmatizer takes for other words ("stag", "wag") are read as the verbs they are
    ("Protesters staged a rally in Hong Kong.", {("HKG", "Protest", "HKG", "asserted")}),
    ("South Korea and the United States staged joint drills.", {("KOR", "Cooperate", "USA", "asserted")}),
    ("Russia has waged war on Ukraine since 2014.", {("RUS", "Assault", "UKR", "asserted")}),
    # a group named with its members is each member; each acts at home when it acts on its own people
    ("Countries including Algeria and Morocco have banned the niqab.",
     {("DZA", "Coerce", "DZA", "asserted"), ("MAR", "Coerce", "MAR", "asserted")}),
    ("Several countries, including France and Germany, have expelled Russian diplomats.",
     {("FRA", "Sanction", "RUS", "asserted"), ("DEU", "Sanction", "RUS", "asserted")}),
    ("Western nations such as Britain and France condemned Russia.",
     {("GBR", "Accuse", "RUS", "asserted"), ("FRA", "Accuse", "RUS", "asserted")}),
    # a state's act on a person no one named before is on the people of the country where it happens
    ("A court in Lahore sentenced him to life in prison.", {("PAK", "Coerce", "PAK", "asserted")}),
    ("He was detained by police in Nairobi.", {("KEN", "Coerce", "KEN", "asserted")}),
    ("Uganda's opposition leader was placed under house arrest.", {("UGA", "Coerce", "UGA", "asserted")}),
    # expelled or deported from a state, in the passive with no agent: that state did it
    ("Two Russian diplomats were expelled from Norway.", {("NOR", "Sanction", "RUS", "asserted")}),
    ("Five American diplomats were expelled.", set()),
    # officers are forces: sent abroad they are deployed, sent at home mobilised
    ("Britain sent officers to Cyprus.", {("GBR", "DeployTroops", "CYP", "asserted")}),
    ("Britain sent officers to Gibraltar.", {("GBR", "Mobilize", None, "asserted")}),  # its own territory (GBRGIB)
    ("Trump sent Department of Homeland Security officers to Portland.", {("USA", "Mobilize", None, "asserted")}),
    # a particle makes the verb: a law struck down or an offer turned down is rejected, an office stepped down from
    # is left; "be to" tells what is arranged; weapons hit (not fired at someone) are their owner's
    ("The Supreme Court struck down the Texas abortion law.", {("USA", "Reject", "USA", "asserted")}),
    ("Iran turned down the French offer.", {("IRN", "Reject", "FRA", "asserted")}),
    ("The Bolivian president stepped down on Sunday.", {("BOL", "Retreat", None, "asserted")}),
    ("Theresa May is to step down today.", {("GBR", "Retreat", None, "planned")}),
    ("Russia is to send troops to Syria.", {("RUS", "DeployTroops", "SYR", "planned")}),
    ("Russian jets shot down a Turkish drone.", {("RUS", "Assault", "TUR", "asserted")}),
    ("Hamas fired rockets at Israel.", {("PSE", "Assault", "ISR", "asserted")}),
    # aid cut or frozen is a sanction (CAMEO 162); a build-up of weapons mobilises, and pledged with no one named
    # it threatens no one; what is vowed is no purpose of the vow
    ("Britain froze aid to Myanmar.", {("GBR", "Sanction", "MMR", "asserted")}),
    ("Japan will strengthen its air defence.", {("JPN", "Mobilize", None, "planned")}),
    ("Kim Jong Un vowed to strengthen North Korea's nuclear arsenal.", {("PRK", "Mobilize", None, "planned")}),
    # an agent noun shared by coordinated modifiers of two countries is each country's agents
    ("Indian and Chinese troops clashed in the Galwan Valley.", {("IND", "Assault", "CHN", "asserted"), ("CHN", "Assault", "IND", "asserted")}),
    ("Israeli and Palestinian leaders met in Cairo.", {("ISR", "Consult", "PSE", "asserted")}),
    ("US and South Korean forces held drills.", {("USA", "Mobilize", None, "asserted"), ("KOR", "Mobilize", None, "asserted")}),
    # an attack that does harm is its doer's; weapons launched at someone attack them
    ("Saudi-led airstrikes killed 20 civilians in Yemen.", {("SAU", "Assault", "YEM", "asserted")}),
    ("The Houthis launched drones at Saudi oil facilities.", {("YEM", "Assault", "SAU", "asserted")}),
    ("Turkey launched an offensive against Syria.", {("TUR", "Assault", "SYR", "asserted")}),
    # a place a state's organ goes to law against or accuses is its local government; a place visited is a place
    ("The Trump administration sued California.", {("USA", "Accuse", "USA", "asserted")}),
    ("Trump visited California.", set()),
    # the same for force used on a place at home: domestic conflict ("shelled Idlib" is Syria's forces on Syria)
    ("Syrian government forces shelled Idlib.", {("SYR", "Assault", "SYR", "asserted")}),
    ("Ethiopian forces attacked Tigray.", {("ETH", "Assault", "ETH", "asserted")}),
    # forces moved to a capital at home are mobilised, as forces moved to a place at home
    ("The Chilean government deployed soldiers to Santiago.", {("CHL", "Mobilize", None, "asserted")}),
    # ties, cooperation and channels suspended or cut reduce relations; strengthened, deepened or improved they
    # are diplomatic cooperation, as restored ones are
    ("Iran suspended cooperation with the IAEA.", {("IRN", "Sanction", "IAEA", "asserted")}),
    ("North Korea cut off communication with South Korea.", {("PRK", "Sanction", "KOR", "asserted")}),
    ("China strengthened ties with Russia.", {("CHN", "Support", "RUS", "asserted")}),
    ("Britain improved relations with Iran.", {("GBR", "Support", "IRN", "asserted")}),
    # "call" asks only with "for", "on" or an infinitive; with a description it describes, and a pejorative one
    # accuses; hosting and receiving need an actor or a meeting as object
    ("Biden called on Putin to withdraw.", {("USA", "Request", "RUS", "asserted")}),
    ("Trump has called for NATO members to increase military spending.", {("USA", "Request", "NATO", "asserted")}),
    ("Macron called Putin on Friday.", {("FRA", "Consult", "RUS", "asserted")}),  # a phone call (041), no appeal
    ("Cengiz called the admission a political maneuver.", set()),
    ("Israel called Hamas a terrorist organization.", {("ISR", "Accuse", "PSE", "asserted")}),
    ("Biden called Trump a threat to democracy.", {("USA", "Accuse", "USA", "asserted")}),
    ("She received her degree from Florida State University.", set()),
    ("Egypt's president received the Saudi crown prince in Cairo.", {("EGY", "Consult", "SAU", "asserted")}),
    ("Qatar hosted talks between the Taliban and the United States.",
     {("QAT", "Consult", "AFG", "asserted"), ("QAT", "Consult", "USA", "asserted")}),
    # a campaign rally is no protest; a time zone is no one
    ("Trump held a campaign rally in Tulsa.", set()),
    ("Opposition supporters held a rally in Minsk.", {("BLR", "Protest", "BLR", "asserted")}),
    ("The advisory was released at 11:00 p.m. EDT (0300 UTC Monday).", set()),
    # what is released may be published, not freed
    ("Iran released two British prisoners.", {("IRN", "Retreat", "GBR", "asserted")}),
    ("Candidates release their tax returns when running for office in the United States.", set()),
    ("The Puerto Rico Center released the messages publicly.", set()),
    # the public's everyday acts are no events the dictionary codes; its protests are
    ("Bangladeshi citizens returned from Italy.", set()),
    ("American citizens continue paying their federal taxes.", set()),
    ("British voters voted for the Conservative Party.", set()),
    ("Four million Americans took part in the protests.", {("USA", "Protest", "USA", "asserted")}),
    # agreeing that something is so is an opinion; agreeing that something will be done is an agreement
    ("Japan and China agreed that the sanctions have hurt Russia.", set()),
    ("Russia and Ukraine agreed that talks would resume on Monday.", {("RUS", "Agree", "UKR", "planned")}),
    # the one who appears in court is charged, not arresting anyone (a pattern of the dictionary left out)
    ("Brenton Tarrant appeared in court in Christchurch.", set()),
    # envoys or officials "from" several countries are each country's; a signing is the parties' agreement
    ("Officials from the United States and China met in Geneva.", {("USA", "Consult", "CHN", "asserted")}),
    ("Diplomats from Israel and Morocco held a signing in Rabat.", {("ISR", "SignAgreement", "MAR", "asserted")}),
    # protests told as what happens are the people's of the place; "in protest" is a protest by whoever acts so
    ("Protests erupted in Iran after the death of Mahsa Amini.", {("IRN", "Protest", "IRN", "asserted")}),
    # an agent's plural noun that starts a sentence is no body, though the NER tags it one
    ("Farmers protested in Paris against EU rules.", {("FRA", "Protest", "EU", "asserted")}),
    # protests an act sparks happen too, against the act's doer when named, never against whom it hit
    ("The arrest of the opposition leader sparked protests across Senegal.", {("SEN", "Protest", "SEN", "asserted")}),
    ("The police shooting of a black man sparked riots in Philadelphia.", {("USA", "Protest", "USA", "asserted")}),
    ("A general strike paralysed Lebanon.", {("LBN", "Protest", "LBN", "asserted")}),
    ("Mass protests forced the Sri Lankan president to flee.", {("LKA", "Protest", "LKA", "asserted")}),
    ("Iranian women burned their headscarves in protest.", {("IRN", "Protest", "IRN", "asserted")}),
    ("The rally in Tulsa did not require face masks.", set()),
    # protesters assembling protest where they assemble; leaders assembling do not
    ("Demonstrators converged on parliament in Nairobi.", {("KEN", "Protest", "KEN", "asserted")}),
    ("Protesters gathered in Tahrir Square.", {("EGY", "Protest", "EGY", "asserted")}),
    ("World leaders gathered in Paris.", set()),
    # an event noun modifying the light verb's object is the event reported: "a bombing campaign", "a signing ceremony"
    ("Israel and Bahrain held a signing ceremony at the White House.", {("ISR", "SignAgreement", "BHR", "asserted")}),
    ("Russia launched a bombing campaign in Syria.", {("RUS", "Assault", "SYR", "asserted")}),
    # what is cancelled or put off has not happened; a clause of time or contrast keeps its own modality
    ("The talks between Russia and Ukraine were cancelled.", {("RUS", "Consult", "UKR", "negated")}),
    ("Turkey pledged support for Azerbaijan, while Russia called for a ceasefire.",
     {("TUR", "Support", "AZE", "planned"), ("RUS", "Request", None, "asserted")}),
    # "Xi" alone is Xi Jinping in news, as "Putin" is Putin
    ("Putin held talks with Xi in Beijing.", {("RUS", "Consult", "CHN", "asserted")}),
    # a verb the dictionary codes as cooperation ("rule": oversee) cooperates with no one it is against: a ruling
    # against someone condemns them, as a ruling that their act was unlawful does
    ("The Supreme Court ruled against the Trump administration.", {("USA", "Accuse", "USA", "asserted")}),
    ("The European Court of Human Rights ruled against Turkey.", {("COE", "Accuse", "TUR", "asserted")}),
    # legal action against someone accuses them: charges filed, a criminal case opened, a case brought
    ("Russian investigators opened a criminal case against Navalny.", {("RUS", "Accuse", "RUS", "asserted")}),
    ("Prosecutors in Israel filed charges against Netanyahu.", {("ISR", "Accuse", "ISR", "asserted")}),
    ("Italy reported 500 new cases of the virus.", set()),
    # what is received from someone is the giver's act on the receiver; received with no giver, no one's act
    ("Ukraine received humanitarian aid from Japan.", {("JPN", "Aid", "UKR", "asserted")}),
    ("Iran obtained drones from Russia.", {("RUS", "SupplyWeapons", "IRN", "asserted")}),
    ("Saudi Arabia received the Chinese president.", {("SAU", "Consult", "CHN", "asserted")}),
    ("Ukraine received weapons.", set()),
    ("IBM acquired Red Hat.", set()),
    # aid is given to no one it comes from: hostages rescued from a group
    ("The Nigerian army rescued 100 hostages from Boko Haram.", set()),
    # a state's crackdown, a protest dispersed and communications blocked or cut coerce its own people
    ("The Zimbabwean government cracked down on opposition protests.", {("ZWE", "Coerce", "ZWE", "asserted")}),
    ("Egypt launched a crackdown on dissent.", {("EGY", "Coerce", "EGY", "asserted")}),
    ("Iraqi police dispersed the rally.", {("IRQ", "Coerce", "IRQ", "asserted")}),
    ("Iranian authorities cut internet access across the country.", {("IRN", "Coerce", "IRN", "asserted")}),
    ("Indian authorities shut down the internet in Kashmir.", {("IND", "Coerce", "IND", "asserted")}),
    # an attack told in the passive with no doer named is by unidentified armed men where it happened (PLOVER's
    # coding); a killing needs a means of attack to be one, and an airstrike is no armed men's
    ("Three US soldiers were killed by a roadside bomb near Basra.", {("IRQ", "Assault", "USA", "asserted")}),
    ("A journalist was assassinated in Karachi.", {("PAK", "Assault", "PAK", "asserted")}),
    ("Two people were killed in a car crash in Texas.", set()),
    ("Twenty civilians were killed in an airstrike in Idlib.", set()),
    ("A car bomb killed three soldiers in Kabul.", {("AFG", "Assault", "AFG", "asserted")}),
    ("A bomb exploded in a market in Baghdad, killing 30 people.", {("IRQ", "Assault", "IRQ", "asserted")}),
    ("A gas explosion killed five people in Moscow.", set()),
    # a name after "anti-" or "pro-" is a stance, not the bearer's nationality
    ("A prominent anti-Syria journalist was shot dead in Beirut.", {("LBN", "Assault", "LBN", "asserted")}),
    # whoever a court convicts or finds guilty of an act did it; whoever is only accused of one is not coded as doing it
    ("Two French police officers were found guilty of raping a Canadian tourist.", {("FRA", "Assault", "CAN", "asserted")}),
    ("Ukraine was accused of attacking Kursk.", set()),
    # a document handled is filed or published: the dictionary's bare verb codes no yielding or sending
    ("The ministry sent a document to Russia.", set()),
    # protests called off or suspended ease dissent (CAMEO 082): a phrasal trigger of the rules outranks the
    # dictionary's phrasal verb ("call off": cancel)
    ("Zimbabwe's opposition called off planned protests.", {("ZWE", "Concede", "ZWE", "asserted")}),
    ("Serbian unions suspended the strike.", {("SRB", "Concede", "SRB", "asserted")}),
    ("The US called off the talks with North Korea.", {("USA", "Sanction", "PRK", "asserted")}),
    # a bill withdrawn concedes to the country's people; a bill passed or approved concedes to no one
    ("Hong Kong's leader withdrew the extradition bill.", {("HKG", "Concede", "HKG", "asserted")}),
    ("The Argentine congress approved a bill legalising abortion.", set()),
    # speaking by phone or video consults; speaking alone says something
    ("The foreign ministers of India and China spoke by phone on Monday.", {("IND", "Consult", "CHN", "asserted")}),
    ("Biden spoke at a rally in Ohio.", set()),
    # whoever is extradited or deported is the target, not the country they are sent to
    ("Spain extradited the former Venezuelan spy chief to the United States.", {("ESP", "Coerce", "VEN", "asserted")}),
    # people on the move are of no state the text names as a place
    ("Hundreds of migrants stormed the border fence between Morocco and the Spanish enclave of Melilla.", set()),
    # a company's name is the company's before a region's of the same name ("Meta" is also a Colombian department)
    ("Russia banned Meta, calling the company extremist.", {("RUS", "Coerce", "USA", "asserted")}),
    # a list a state bars from is a blacklist by any name; one is put back on it as on a new one
    ("The United States removed Cuba from its list of state sponsors of terrorism.", {("USA", "Concede", "CUB", "asserted")}),
    ("Washington put Cuba back on the terrorism blacklist.", {("USA", "Sanction", "CUB", "asserted")}),
    # equipping forces gives them what the with-phrase names (whose name is no party)
    ("France equipped the Ukrainian army with Caesar howitzers.", {("FRA", "SupplyWeapons", "UKR", "asserted")}),
    # working with another party cooperates with it
    ("Japan will work with the Philippines on maritime security.", {("JPN", "Cooperate", "PHL", "planned")}),
    # an act's by-phrase the parser hangs on the active verb commenting on it is still the act's doer
    ("The UN condemned the invasion of Ukraine by Russia.", {("UN", "Accuse", "RUS", "asserted")}),
    # an act blamed on someone is theirs
    ("A drone strike blamed on Turkey killed three Kurdish fighters in northern Iraq.", {("TUR", "Assault", "IRQ", "asserted")}),
    # a decision that draws criticism stands for whoever made it
    ("The decision by Moscow to suspend grain exports drew sharp criticism from Kyiv.", {("UKR", "Accuse", "RUS", "asserted")}),
    # "RSF" is Sudan's paramilitary force or the press-freedom group: the one the text names in full
    ("The Rapid Support Forces besieged El Fasher. An attack attributed to the RSF killed 40 civilians in Darfur.",
     {("SDN", "Coerce", "SDN", "asserted"), ("SDN", "Assault", "SDN", "asserted")}),
    # a meeting's topic is no one it meets
    ("Macron hosted a summit on Ukraine in Paris.", set()),
    ("Biden held talks on trade with Xi.", {("USA", "Consult", "CHN", "asserted")}),
    # a protest stopped restricts political freedom; roads blocked are a protest
    ("Police blocked the opposition's rally in Lusaka.", {("ZMB", "Coerce", "ZMB", "asserted")}),
    # the object the parser makes the subject of a participle after the verb is still its object (no headline passive)
    ("Indian police detained hundreds of farmers marching to New Delhi.",
     {("IND", "Coerce", "IND", "asserted"), ("IND", "Protest", "IND", "asserted")}),
    # mediators are no parties to the talks they mediate, nor each other's
    ("The talks, mediated by Qatar and Egypt, collapsed.", set()),
    # whom one shields is named; what from is no one helped (a retreat is still from where it leaves)
    ("Russia vowed to protect Armenia from Azerbaijan.", {("RUS", "Support", "ARM", "planned")}),
    ("The US evacuated its citizens from Sudan.", {("USA", "Retreat", "SDN", "asserted")}),
    # a passive participle clause before its verb is done to the clause's subject, as given
    ("Backed by Rwanda, M23 rebels captured the city of Goma.",
     {("RWA", "Support", "COD", "asserted"), ("COD", "Assault", "COD", "asserted")}),
    ("Accused by Kyiv of war crimes, Russia denied the charges.",
     {("UKR", "Accuse", "RUS", "asserted"), ("RUS", "Reject", "UKR", "asserted")}),
    # events told by a noun as by their verb: a warning to someone threatens them; an offer is a pledge, still to come
    ("The Kremlin's warning to Finland came days after it joined NATO.", {("RUS", "Threaten", "FIN", "asserted")}),
    ("Germany made an offer of weapons to Ukraine.", {("DEU", "Agree", "UKR", "planned")}),
    # police sent abroad are forces deployed, not whom the deployment is on
    ("Kenya's deployment of police to Haiti began in June.", {("KEN", "DeployTroops", "HTI", "asserted")}),
    # a release asked for is asked of whoever took or holds the people: by a participle on them, or told before
    ("France demanded the release of two French journalists held by Iran.", {("FRA", "Request", "IRN", "asserted")}),
    ("Iran detained two French journalists. France demanded their release.",
     {("IRN", "Coerce", "FRA", "asserted"), ("FRA", "Request", "IRN", "asserted")}),
    ("Hamas took 250 Israelis hostage. Israel demanded the release of the hostages.",
     {("PSE", "Assault", "ISR", "asserted"), ("ISR", "Request", "PSE", "asserted")}),
    ("Chinese authorities detained a Japanese businessman. Tokyo demanded his immediate release.",
     {("CHN", "Coerce", "JPN", "asserted"), ("JPN", "Request", "CHN", "asserted")}),
    # an act noun whose possessive is whom it is done to is not the possessive's act
    ("The EU condemned Navalny's arrest.", {("EU", "Accuse", "RUS", "asserted")}),
    # siding or standing with a party supports it
    ("Hungary sided with Russia in the dispute.", {("HUN", "Support", "RUS", "asserted")}),
    # force that meets force is aimed at whoever used it, not where it was met
    ("Russia's defence ministry said its forces had repelled a Ukrainian attack in the Kursk region.",
     {("RUS", "Assault", "UKR", "asserted"), ("UKR", "Assault", "RUS", "asserted")}),
    # a complaint over an act is about its doer; a body it is brought to is where
    ("Iran complained to the UN over Israeli strikes.", {("IRN", "Accuse", "ISR", "asserted")}),
    ("Lebanon filed a complaint with the UN Security Council over Israeli violations.",
     {("LBN", "Accuse", "ISR", "asserted")}),
    # a genocide is named after whom it destroyed, not who did it
    ("The Dutch parliament called on the government to recognise the Armenian genocide.",
     {("NLD", "Request", "NLD", "asserted")}),
    ("The Dutch parliament recognised the Armenian genocide.", set()),
    # one's own mission abroad stands for relations with the state it is in; another's is its owner's
    ("The United Arab Emirates reopened its embassy in Damascus.", {("ARE", "Support", "SYR", "asserted")}),
    ("Britain closed its embassy in Kyiv.", {("GBR", "Sanction", "UKR", "asserted")}),
    # toppling a government is seizing power by force, as "overthrew" is; a statue toppled is no one acted upon
    ("The army toppled the elected government of Niger in July.", {("NER", "Assault", "NER", "asserted")}),
    ("Protesters toppled a statue of the former dictator in Baghdad.", set()),
    # ... and force only in armed hands: a parliament's vote that topples a government rejects it
    ("The French parliament toppled the government in a no-confidence vote.", {("FRA", "Reject", "FRA", "asserted")}),
    # "Guinean" alone is of Guinea (the others' people are "Bissau-Guinean", "Equatorial Guinean")
    ("The Guinean military detained the president.", {("GIN", "Coerce", "GIN", "asserted")}),
    ("Bissau-Guinean soldiers attacked the presidential palace.", {("GNB", "Assault", "GNB", "asserted")}),
    # ... and where from is not either ("the country" is the expeller's own)
    ("Iraq's parliament voted to expel the Americans from the country.", {("IRQ", "Coerce", "USA", "planned")}),
    # an agent noun bare after "into" names a condition, not its people: no exiles of Lithuania's
    ("The Belarusian opposition leader went into exile in Lithuania. Minsk accused her of plotting a coup.",
     {("BLR", "Accuse", "BLR", "asserted")}),
    # forces sent to a region of no one country are mobilised
    ("France will send 500 additional troops to the Sahel.", {("FRA", "Mobilize", None, "planned")}),
    # a ban on trade is a sanction (CAMEO 163); a ban on a party coerces it
    ("Saudi Arabia banned imports from Turkey.", {("SAU", "Sanction", "TUR", "asserted")}),
    # a comment on an act no one is named for is on the place it happened
    ("Germany condemned the coup in Myanmar.", {("DEU", "Accuse", "MMR", "asserted")}),
    ("The UN condemned the violence in Syria.", {("UN", "Accuse", "SYR", "asserted")}),
    # retaliation with tariffs is a sanction, not force
    ("Beijing retaliated with tariffs on American soybeans.", {("CHN", "Sanction", "USA", "asserted")}),
    # people of no named country killed by an attack on a place are the place's, never the attacker's own
    ("Israeli airstrikes on Gaza killed 20 people.", {("ISR", "Assault", "PSE", "asserted")}),
    # a gerund with an adjective is a noun, even where the parser reads it as an auxiliary: the attack does the harm
    ("Russian shelling wounded five civilians in Kherson.", {("RUS", "Assault", "UKR", "asserted")}),
    # the attacker's nationality says who attacks, not whose people were hit: the text says that
    ("Kyiv said Russian shelling had wounded five civilians.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Ukraine's army is holding the line. Russian shelling wounded five civilians.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Ethiopia's army said it had killed rebels. The TPLF accused Eritrean troops of killing civilians.",
     {("ETH", "Assault", "ETH", "asserted"), ("ETH", "Accuse", "ERI", "asserted"), ("ERI", "Assault", "ETH", "asserted")}),
    # a state's forces that hit people of their own state, with no other state in the text: domestic repression
    ("Syrian government forces killed 12 civilians.", {("SYR", "Assault", "SYR", "asserted")}),
    # a state's or a province's own government acts on the national one: domestic politics between organs
    ("The governor of Texas sued the Biden administration over immigration.", {("USA", "Accuse", "USA", "asserted")}),
    # a state or province that acts is its government, as a capital is its country's
    ("Texas sued the federal government.", {("USA", "Accuse", "USA", "asserted")}),
    ("Bavaria imposed a lockdown.", {("DEU", "Coerce", "DEU", "asserted")}),
    ("Melbourne can seize the opportunity.", set()),
    # the place of an attack may hang on what it is aimed at
    ("Pakistan carried out airstrikes on militant hideouts in Iran.", {("PAK", "Assault", "IRN", "asserted")}),
    # an event told as a count ("hundreds of strikes") is the light verb's, with its place and target on the count
    # or on the event
    ("Israel carried out dozens of strikes in Lebanon.", {("ISR", "Assault", "LBN", "asserted")}),
    # what is to be done is planned, told by a noun its light verb carries too
    ("Michel Barnier is to hand in his resignation on Thursday.", {("FRA", "Retreat", None, "planned")}),
    # freeing people told by a noun frees them; aid released is given; a report released frees no one
    ("Bangladesh's president ordered the release of the jailed opposition leader Khaleda Zia.",
     {("BGD", "Retreat", "BGD", "asserted")}),
    ("The US announced the release of $1 billion in aid to Ukraine.", {("USA", "Aid", "UKR", "asserted")}),
    ("Iran welcomed the release of the report.", set()),
    # a quantifier's of-phrase says who: "many of Ukraine's power plants" are Ukraine's
    ("Russia attacked many of Ukraine's power plants.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Israel killed several of the Hamas commanders.", {("ISR", "Assault", "PSE", "asserted")}),
    ("Most of the protesters were arrested by Iranian police.", {("IRN", "Coerce", "IRN", "asserted")}),
    # the links of travel between states are relations: suspending them reduces relations (CAMEO 16)
    ("India suspended train services to Bangladesh.", {("IND", "Sanction", "BGD", "asserted")}),
    # "called a general strike", parsed as "called (it) a strike": with no object, the predicate is what is called
    ("Israel's largest union called a general strike.", {("ISR", "Protest", "ISR", "planned")}),
    # a finite verb has its own tense: joined to a verb under "would not" or to an infinitive under "refused", it
    # was done; a bare verb shares its first conjunct's auxiliary
    ("The EU said it would not recognise the new government and froze 30 million euros of assistance to Georgia.",
     {("EU", "Support", "GEO", "negated"), ("EU", "Reject", "GEO", "asserted"), ("EU", "Sanction", "GEO", "asserted")}),
    ("Russia refused to withdraw its troops and attacked Ukraine.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Russia will sign and ratify the treaty with Iran.", {("RUS", "SignAgreement", "IRN", "planned")}),
    # organs a state has one of, in the plural over a wider place, are several states', not the text's one
    ("Bolivian troops stormed the palace in La Paz. Governments across Latin America condemned the army.", set()),
    ("Bolivian troops stormed the palace in La Paz. Governments in the region condemned the army.", set()),
    ("Bolivian troops stormed the palace in La Paz. The government condemned the army.",
     {("BOL", "Accuse", "BOL", "asserted")}),
    # (alone, one state's over time)
    ("The US House of Representatives has only impeached two presidents.", {("USA", "Accuse", "USA", "asserted")}),
    # a court a case is taken to is where, not whom; taking someone to court is legal action against them
    ("Mexico said it would take the case to the International Court of Justice.", set()),
    ("South Africa took Israel to the International Court of Justice.", {("ZAF", "Accuse", "ISR", "asserted")}),
    ("Mexico brought a case against Ecuador to the ICJ.", {("MEX", "Accuse", "ECU", "asserted")}),
    # abusing a privilege is misuse, which the trigger rules out and the dictionary's bare "abuse" may not code; abusing
    # people is violence
    ("Iran said Israel had abused the hospitality of Azerbaijan.", set()),
    ("Russia said the United States had abused the trust of Ukraine.", set()),
    ("Turkish police abused Kurdish protesters.", {("TUR", "Assault", "TUR", "asserted")}),
    ("Israel carried out hundreds of strikes on Syrian military sites.", {("ISR", "Assault", "SYR", "asserted")}),
    # a participle modifying a noun matches a dictionary word by its form, not its lemma: a "broad-based" government
    # is no military base formed, and promising one threatens no one
    ("President William Ruto promised to form a broad-based government.", set()),
    ("Kenya will form a broad-based government.", set()),
    # parties no table knows and the text places in no country make no geopolitical event between them; such a
    # party acting on a state does
    ("Red Hat discussed this with the CentOS Governing Board.", set()),
    ("Amnesty International accused Saudi Arabia of torture.", {("amnesty-international", "Accuse", "SAU", "asserted")}),
    # loans are aid; aid or forces sent to a place of a country go to that country
    ("China lent Sri Lanka $1 billion.", {("CHN", "Aid", "LKA", "asserted")}),
    ("The United Nations delivered food to besieged towns in Syria.", {("UN", "Aid", "SYR", "asserted")}),
    ("Russia sent troops to bases in Belarus.", {("RUS", "DeployTroops", "BLR", "asserted")}),
    # weapons bought are the seller's supply; food or fuel bought is trade
    ("Turkey bought S-400 missiles from Russia.", {("RUS", "SupplyWeapons", "TUR", "asserted")}),
    # a hyphenated pair names both parties of a nominal event
    ("US-China trade talks resumed on Monday.", {("USA", "Consult", "CHN", "asserted")}),
    ("Ukraine's counteroffensive against Russian forces began in June.", {("UKR", "Assault", "RUS", "asserted")}),
    # the passive subject of a verb of planning does what its complement says
    ("Putin is expected to visit Turkey next month.", {("RUS", "Consult", "TUR", "planned")}),
    # an option ruled out has not happened; one not ruled out is weighed, a verb or a noun alike
    ("Israel ruled out a strike on Iran.", {("ISR", "Assault", "IRN", "negated")}),
    ("Israel has not ruled out a strike on Iran.", {("ISR", "Assault", "IRN", "considered")}),
    ("Israel ruled out sending troops to Gaza.", {("ISR", "DeployTroops", "PSE", "negated")}),
    # a threat is an event with no one named; a warning with no one warned is a caution; "due to" plans
    ("Iran threatened to close the Strait of Hormuz.", {("IRN", "Threaten", None, "asserted")}),
    ("The WHO warned of a second wave.", set()),
    ("Russia and China are due to hold talks next week.", {("RUS", "Consult", "CHN", "planned")}),
    # taking to or flooding the streets is protesting, where it happens
    ("Thousands took to the streets of Khartoum.", {("SDN", "Protest", "SDN", "asserted")}),
    # (the town whose streets they take places the crowd, as "in Belgrade" would, when the text names two states)
    ("Thousands of protesters took to the streets of Belgrade to demand that Milosevic step down.",
     {("SRB", "Protest", "SRB", "asserted"), ("SRB", "Request", "YUG", "asserted")}),
    ("The mayor took the street car to Moscow.", set()),
    # a contest in an election is votes won, not force; forces fought or arrested are the target
    ("I entered the race for President to defeat Donald Trump.", set()),
    ("Ukraine defeated Russian forces near Kharkiv.", {("UKR", "Assault", "RUS", "asserted")}),
    # a surname after a title of office is who held it (or, of several, the office): "President Bush"
    ("President Bush threatened further action against Russia.", {("USA", "Threaten", "RUS", "asserted")}),
    ("Chancellor Kohl visited Moscow.", {("DEU", "Consult", "RUS", "asserted")}),
    # a participle before a party tells what the party does, not what is done to it
    ("The French president met striking union leaders.", {("FRA", "Consult", "FRA", "asserted")}),
    # the one allowed is the object of a verb of permission, though parsed as the infinitive's subject
    # (letting in inspectors or aid allows international involvement, CAMEO 086: PLOVER RETREAT)
    ("Israel allowed UN inspectors to enter Gaza.", {("ISR", "Retreat", "UN", "asserted")}),
    ("Myanmar allowed aid into Rakhine state.", {("MMR", "Retreat", "MMR", "asserted")}),
    ("Serbia refused to allow Kosovo to join Interpol.",
     {("SRB", "Concede", "XKX", "negated"), ("SRB", "Reject", "XKX", "asserted")}),
    ("Mexico allowed Honduran migrants to cross its territory.", {("MEX", "Concede", "HND", "asserted")}),
    ("The minister expected Iranian officials to attend.", set()),
    # what a relative clause says of a subject is given, whatever the main verb denies or plans
    ("Turkey, which has bombed Kurdish positions in Syria, denied the report.", {("TUR", "Assault", "SYR", "asserted")}),
    # killings told by a noun; a possessive names the one acted on with a by-phrase or on a noun of what is done
    # to someone, the doer with an of-object or on a noun of doing
    ("The killing of a Palestinian journalist by Israeli troops drew condemnation.", {("ISR", "Assault", "PSE", "asserted")}),
    ("The massacre of civilians by government troops in Darfur shocked the world.", {("SDN", "Assault", "SDN", "asserted")}),
    ("Navalny's arrest by Russian police sparked protests.", {("RUS", "Coerce", "RUS", "asserted"),
                                                               ("RUS", "Protest", "RUS", "asserted")}),
    ("Russia's arrest of Alexei Navalny sparked protests.", {("RUS", "Coerce", "RUS", "asserted")}),
    ("Qassem Soleimani's killing angered Iran.", set()),
    ("The execution of the plan was delayed.", set()),
    # a state putting people to death; a plan executed is done
    ("Saudi Arabia executed 81 people in a single day.", {("SAU", "Assault", "SAU", "asserted")}),
    ("China executed a Canadian citizen for drug smuggling.", {("CHN", "Assault", "CAN", "asserted")}),
    ("The army executed the plan.", set()),
    # "his counterpart" is of the other side
    ("Japan's foreign minister will travel to Seoul for talks with his counterpart.", {("JPN", "Consult", "KOR", "planned")}),
    ("Blinken met his Chinese counterpart in Beijing.", {("USA", "Consult", "CHN", "asserted")}),
    # people of the trades that stories of arrests and trials name, acted on at home
    ("The Iranian judiciary sentenced a rapper to death.", {("IRN", "Coerce", "IRN", "asserted")}),
    ("Chinese police detained a prominent critic of the government.", {("CHN", "Coerce", "CHN", "asserted")}),
    ("The Nicaraguan government stripped 94 opponents of their citizenship.", {("NIC", "Coerce", "NIC", "asserted")}),
    ("Russian hackers attacked Ukrainian power grids.", {("RUS", "Assault", "UKR", "asserted")}),
    ("He collaborated with artists such as Bob Dylan.", set()),
    # talks suspended reduce relations (CAMEO 164); a parliament suspended is no party sanctioned
    ("Israel suspended negotiations with Hamas.", {("ISR", "Sanction", "PSE", "asserted")}),
    ("The Queen suspended parliament for five weeks.", set()),
    # only force or words aim at someone: elsewhere "at" says where
    ("Kenya's president received the Ethiopian prime minister at State House.", {("KEN", "Consult", "ETH", "asserted")}),
    ("Police in Nairobi fired at protesters.", {("KEN", "Assault", "KEN", "asserted")}),
    # the owner of what an active verb acts on does not act: only of what is sent, told in the passive (the farmers,
    # of no state named, are the people of where they protest)
    ("Farmers blocked highways across Poland to protest Ukrainian grain imports.", {("POL", "Protest", "POL", "asserted")}),
    # a pledge to fight threatens, though no one is named; the one it holds until is its target; striving
    # for something, or an act in a clause further down, is no threat
    ("Hamas vowed to keep fighting.", {("PSE", "Threaten", None, "asserted")}),
    ("The rebels swore to fight until the Syrian army leaves the province.", {("SYR", "Threaten", "SYR", "asserted")}),
    ("Biden vowed to fight for every vote.", set()),
    ("Donald Trump vowed to protect people from being denied health coverage.", {("USA", "Support", "USA", "planned")}),
    # hitting or lashing out at someone is words
    ("Turkey hit out at Sweden over the burning of the Koran.", {("TUR", "Accuse", "SWE", "asserted")}),
    ("The US forced Russia and Ukraine to negotiate.", {("USA", "Coerce", "RUS", "asserted"), ("USA", "Coerce", "UKR", "asserted"),
                                                        ("RUS", "Consult", "UKR", "asserted")}),
    # saying someone is behind, responsible for or to blame for an attack or a harm accuses them
    ("Kyiv said Moscow was behind the explosion.", {("UKR", "Accuse", "RUS", "asserted")}),
    ("Ukraine said Russia was responsible for the attack.", {("UKR", "Accuse", "RUS", "asserted")}),
    ("The US said Israel was behind schedule.", set()),
    ("Germany said France was responsible for security.", set()),
    # ignoring a call or a ruling rejects whoever made it
    ("The Taliban ignored calls by the UN to reopen girls' schools.", {("AFG", "Reject", "UN", "asserted")}),
    ("Trump ignored the question.", set()),
    # envoys of coordinated countries are each country's
    ("Talks between Russian and Ukrainian delegations will take place in Istanbul.", {("RUS", "Consult", "UKR", "planned")}),
    ("US and Chinese negotiators met in Geneva.", {("USA", "Consult", "CHN", "asserted")}),
    # people brought home meet no one where they were
    ("France repatriated 200 citizens from Sudan.", set()),
    # an operation, a campaign or an intervention that is military is force; force used in a region of one's own
    # is on the state's own
    ("Azerbaijan launched a military operation in Nagorno-Karabakh.", {("AZE", "Assault", "AZE", "asserted")}),
    ("Israel launched a ground campaign against Hamas.", {("ISR", "Assault", "PSE", "asserted")}),
    ("Italy launched a rescue operation off Libya.", set()),
    ("Biden launched his election campaign in Pennsylvania.", set()),
    # aid dropped or flown in from the air is delivered; people flown out are no aid
    ("Jordan airdropped food into northern Gaza.", {("JOR", "Aid", "PSE", "asserted")}),
    ("India airlifted its citizens from Ukraine.", set()),
    # parties that act on each other or one another, each on the other (an act not shared, as talks are); trading
    # blows is no trade
    ("India and Canada expelled each other's diplomats.",
     {("IND", "Sanction", "CAN", "asserted"), ("CAN", "Sanction", "IND", "asserted")}),
    ("Armenia and Azerbaijan blamed one another for the clashes.",
     {("ARM", "Accuse", "AZE", "asserted"), ("AZE", "Accuse", "ARM", "asserted")}),
    ("China and Japan summoned each other's ambassadors.", {("CHN", "Consult", "JPN", "asserted")}),
    ("The Philippines and China traded accusations over the collision.", {("PHL", "Accuse", "CHN", "asserted"), ("CHN", "Accuse", "PHL", "asserted")}),
    ("China trades with Brazil.", {("CHN", "Cooperate", "BRA", "asserted")}),
    # barred from office or a race
    ("Pakistan's election commission disqualified Imran Khan.", {("PAK", "Sanction", "PAK", "asserted")}),
    ("Brazil's electoral court barred Bolsonaro from running for office.", {("BRA", "Sanction", "BRA", "asserted")}),
    ("Moscow barred nine European Union officials from entering Russia.", {("RUS", "Sanction", "EU", "asserted")}),
    # vessels and aircraft act for the agent their compound names; alone they are no one's agents
    ("Chinese coast guard vessels fired water cannon at a Philippine supply boat.", {("CHN", "Assault", "PHL", "asserted")}),
    ("Chinese fishing vessels fired flares at a Philippine boat.", set()),
    # a hyphenated event noun the tokenizer cuts in three; a particle parsed as a preposition ("pulled out of")
    ("Chinese dissidents staged a sit-in outside the embassy.", {("CHN", "Protest", "CHN", "asserted")}),
    ("Syrian troops pulled out of the Lebanese town of Zahle.", {("SYR", "Retreat", "LBN", "asserted")}),
    # the passive subject of a verb of saying or believing does what its infinitive says; a likelihood is weighed
    ("North Korea is believed to have sent troops to Russia.", {("PRK", "DeployTroops", "RUS", "asserted")}),
    ("Egypt is unlikely to allow Palestinians into Sinai.", {("EGY", "Concede", "PSE", "considered")}),
    ("Russia is likely to attack Kharkiv.", {("RUS", "Assault", "UKR", "considered")}),
    # what is discussed is a topic, whom with the party; an office run for is no one
    ("Biden discussed Ukraine with Scholz.", {("USA", "Consult", "DEU", "asserted")}),
    ("Biden and Scholz discussed Ukraine.", {("USA", "Consult", "DEU", "asserted")}),
    ("Bill Hammons discussed his campaign for President of the United States.", set()),
    # trade restricted, halted or taxed is an embargo or a sanction (CAMEO 163, 16)
    ("The US restricted chip exports to China.", {("USA", "Sanction", "CHN", "asserted")}),
    ("Turkey halted all trade with Israel.", {("TUR", "Sanction", "ISR", "asserted")}),
    ("Canada raised tariffs on Chinese electric vehicles.", {("CAN", "Sanction", "CHN", "asserted")}),
    ("Australia imposed anti-dumping duties on Chinese steel.", {("AUS", "Sanction", "CHN", "asserted")}),
    ("Saudi Arabia raised oil production.", set()),
    # the parser may hang a phrase of a whole coordination on its last conjunct
    ("China banned exports of gallium and germanium to the United States.", {("CHN", "Sanction", "USA", "asserted")}),
    # a blacklist is a trade embargo; the idiom's own phrase ("its trade blacklist") is no one sanctioned
    ("Washington added Huawei to its trade blacklist.", {("USA", "Sanction", "CHN", "asserted")}),
    ("The US removed Huawei from its trade blacklist.", {("USA", "Concede", "CHN", "asserted")}),
    ("The US put 30 Chinese companies on a trade blacklist.", {("USA", "Sanction", "CHN", "asserted")}),
    # a ban named by its noun: on another state's goods a sanction, on a party coercion
    ("India announced a ban on Chinese apps.", {("IND", "Sanction", "CHN", "asserted")}),
    ("Pakistan's ban on Indian films remains in place.", {("PAK", "Sanction", "IND", "asserted")}),
    ("Thailand announced a ban on the opposition party.", {("THA", "Coerce", "THA", "asserted")}),
    # a plural pronoun whose clause has coordinated parties for its subject is all of them; a willingness plans
    ("Spain and Morocco expressed their willingness to cooperate with each other.", {("ESP", "Cooperate", "MAR", "planned")}),
    ("France and Germany said they would send troops to Estonia.",
     {("FRA", "DeployTroops", "EST", "planned"), ("DEU", "DeployTroops", "EST", "planned")}),
    ("Poland and Hungary argued they must not be bound by the ruling.", set()),
    # whoever brokers an agreement meets the parties it is between (a hand-written trigger too: the rules alone
    # find it without the dictionary)
    ("China brokered an agreement restoring ties between Saudi Arabia and Iran.",
     {("CHN", "Consult", "SAU", "asserted"), ("CHN", "Consult", "IRN", "asserted"), ("SAU", "Support", "IRN", "asserted")}),
    # a participle describing an event noun names its doer and its target
    ("The court ruled in favour of a lawsuit filed by Mexico against the United States.", {("MEX", "Accuse", "USA", "asserted")}),
    # an order demands of whom it is given to; what is ordered stays an event; a state's own forces are no
    # people acted on at home
    ("Burkina Faso ordered French troops to leave the country.", {("BFA", "Request", "FRA", "asserted")}),
    ("Putin ordered his troops to withdraw from Kherson.", {("RUS", "Retreat", "UKR", "asserted")}),
    ("Israel ordered an airstrike on Gaza.", {("ISR", "Assault", "PSE", "asserted")}),
    # a name the NER takes for a body is a person's when the sentence gives it an office
    ("Ricardo Rossello resigned as president of Peru.", {("PER", "Retreat", None, "asserted")}),
    # a progressive the parser reads as the copula's complement has the copula's subject
    ("Qatar is mediating between Hamas and Israel.", {("QAT", "Consult", "ISR", "asserted"), ("QAT", "Consult", "PSE", "asserted")}),
    # whom an act is blamed on is accused, though the parser hangs "on" on the act (where it names whom it hit)
    ("Riyadh blamed the attack on Tehran.", {("SAU", "Accuse", "IRN", "asserted")}),
    ("Iraqi officials blamed the bombings on the Islamic State.", {("IRQ", "Accuse", "islamic-state", "asserted")}),
    ("Kyiv blamed Moscow for the attack.", {("UKR", "Accuse", "RUS", "asserted")}),
    # a vow of revenge threatens (the dictionary's bare "vow" intends to cooperate); a vow of support pledges
    ("Iran vowed revenge against the United States.", {("IRN", "Threaten", "USA", "asserted")}),
    ("Japan pledged support for Ukraine.", {("JPN", "Support", "UKR", "planned")}),
    # doctors, medics and rescuers sent help; lending stopped is aid stopped
    ("Cuba sent doctors to Venezuela.", {("CUB", "Aid", "VEN", "asserted")}),
    ("Greece sent firefighters to help Turkey.", {("GRC", "Aid", "TUR", "asserted")}),
    ("The US suspended lending to Ethiopia.", {("USA", "Sanction", "ETH", "asserted")}),
    # a bond coordinated parties call theirs is between them; their forces are each their own
    ("Russia and China deepened their strategic partnership.", {("RUS", "Support", "CHN", "asserted")}),
    ("India and China improved their relations.", {("IND", "Support", "CHN", "asserted")}),
    ("Russia and China strengthened their forces.", {("RUS", "Mobilize", None, "asserted"), ("CHN", "Mobilize", None, "asserted")}),
    # a bond always between parties is theirs with no "their"; what flows one way is not
    ("Greece and Turkey pledged to improve relations.", {("GRC", "Support", "TUR", "planned")}),
    ("China and Brazil boosted trade.", {("CHN", "Cooperate", "BRA", "asserted")}),
    ("Russia and China strengthened ties with Iran.", {("RUS", "Support", "IRN", "asserted"), ("CHN", "Support", "IRN", "asserted")}),
    ("The United States and Britain halted arms shipments.", set()),
    # a particle the parser takes for an adverb carries the verb's phrase: "back to Belarus" is where troops go
    ("Russia sent its troops back to Belarus.", {("RUS", "DeployTroops", "BLR", "asserted")}),
    # medical supplies and teams sent are aid (a medical brigade is no troops); a travel ban lifted eases it
    ("Japan shipped ventilators to Indonesia.", {("JPN", "Aid", "IDN", "asserted")}),
    ("Cuba dispatched a medical brigade to Italy.", {("CUB", "Aid", "ITA", "asserted")}),
    ("Israel lifted its travel ban on Turkey.", {("ISR", "Concede", "TUR", "asserted")}),
    # "the state of Pennsylvania" is the state, not the United States the campaign is of
    ("The Trump campaign filed a lawsuit against the state of Pennsylvania.", {("USA", "Accuse", "USA", "asserted")}),
    # negotiators stand for their side; facilitating talks or a deal between parties mediates, other things not
    ("Egypt hosted Israeli and Palestinian negotiators in Cairo.", {("EGY", "Consult", "ISR", "asserted"), ("EGY", "Consult", "PSE", "asserted")}),
    ("Egypt facilitated a ceasefire between Israel and Hamas.", {("EGY", "Consult", "ISR", "asserted"), ("EGY", "Consult", "PSE", "asserted")}),
    ("The US facilitated the return of refugees to Syria.", {("USA", "Cooperate", "SYR", "asserted")}),
    # an acceptance with no one named stands for a proposal, not for a responsibility, a nomination or a role
    ("Hamas accepted the ceasefire proposal.", {("PSE", "Agree", None, "asserted")}),
    ("Hamas accepted Egypt's proposal.", {("PSE", "Agree", "EGY", "asserted")}),
    ("The Iranian negotiators accepted responsibility for the delay.", set()),
    # a rally of someone in power is a campaign's, of someone out of it dissent
    ("Erdogan held a rally in Istanbul.", set()),
    ("Erdogan's rally in Istanbul drew thousands.", set()),
    ("Navalny held a rally in Moscow.", {("RUS", "Protest", "RUS", "asserted")}),
    # hearing, attending, encountering, returning, introducing, coming and confronting meet no one by the
    # dictionary's bare code; only its patterns and the meeting nouns do
    ("The Kenyan president attended the launch of a Chinese satellite.", set()),
    ("The Supreme Court will hear arguments from the Justice Department.", set()),
    ("The Russian submarine encountered a Norwegian frigate.", set()),
    ("Erdogan attended the NATO summit in Vilnius.", {("TUR", "Consult", "NATO", "asserted")}),
    # verbs of everyday doing are no political act by the dictionary's bare code, only by its patterns
    ("The Chinese chess team competed against Japan.", set()),
    ("A Ukrainian helicopter flew the president to Lviv.", set()),
    ("The mayor of Kyiv advised residents to stay home.", set()),
    ("The court determined that the Kenyan minister had lied.", set()),
    ("Russia delivered S-400 missiles to Turkey.", {("RUS", "SupplyWeapons", "TUR", "asserted")}),
    # a comment on an arrest or a crackdown with no doer named is on the state of those it hit, not on them
    ("The EU condemned the arrest of Navalny.", {("EU", "Accuse", "RUS", "asserted")}),
    ("The EU condemned the crackdown on protesters in Belarus.", {("EU", "Accuse", "BLR", "asserted")}),
    ("Amnesty condemned the detention of Turkish journalists.", {("amnesty-international", "Accuse", "TUR", "asserted")}),
    # a verb with a fixed prepositional phrase: the phrase tells the event
    ("Myanmar's junta put Aung San Suu Kyi under house arrest.", {("MMR", "Coerce", "MMR", "asserted")}),
    ("Police placed the opposition leader under arrest in Nairobi.", {("KEN", "Coerce", "KEN", "asserted")}),
    # (what an assembly votes to say, it says by the vote)
    ("The US House of Representatives voted to hold Secretary of State Mike Pompeo in contempt.", {("USA", "Accuse", "USA", "asserted")}),
    ("The president put the army on high alert.", set()),
    # a speaker who names an act by a charged word and says whose it is accuses them; the narrator accuses no one
    ("Kyiv said Russian aggression had displaced millions.", {("UKR", "Accuse", "RUS", "asserted")}),
    ("Iran said the strike was a response to Israeli aggression.", {("IRN", "Accuse", "ISR", "asserted")}),
    ("Russian aggression has displaced millions.", set()),
    ("Moscow said it would respond to any aggression.", set()),
    # an act claimed as one's object is one's own; a place retaken is taken from whoever held it
    ("The Taliban claimed the attack on the Afghan parliament.", {("AFG", "Assault", "AFG", "asserted")}),
    ("Somali forces retook the town from al-Shabaab.", {("SOM", "Assault", "SOM", "asserted")}),
    ("Ukrainian forces recaptured Kherson from Russian troops.", {("UKR", "Assault", "RUS", "asserted")}),
    ("Ukraine recaptured Kherson.", set()),
    # the one under an attack is its target, the doer whom the verb's by-phrase names (the verb codes nothing)
    ("US troops came under attack by Iraqi militias.", {("IRQ", "Assault", "USA", "asserted")}),
    ("Seoul has been under pressure from Kyiv to send weapons.", {("UKR", "Request", "KOR", "asserted")}),
    # an owner's vessels and aircraft act for it; sanctions that "target" someone sanction them
    ("Israel's military said its aircraft had struck Hezbollah targets.", {("ISR", "Assault", "LBN", "asserted")}),
    ("The EU sanctions target Russian oligarchs.", {("EU", "Sanction", "RUS", "asserted")}),
    # interfering is no aid, whatever block of the dictionary files it with intervening
    ("Chinese officials accused Washington of interfering in China's internal affairs.", {("CHN", "Accuse", "USA", "asserted")}),
    # the subject of "face", "suffer" or "receive" undergoes what the object names, done by its from- or by-phrase
    ("Iran faced criticism from the European Union.", {("EU", "Accuse", "IRN", "asserted")}),
    ("Russia faces new sanctions from the EU.", {("EU", "Sanction", "RUS", "asserted")}),
    ("Ukraine received weapons from the United States.", {("USA", "SupplyWeapons", "UKR", "asserted")}),
    # general verbs code only by the dictionary's patterns, never by their block's bare code
    ("A group linked to the Kenyan opposition organized the march.", set()),
    ("The Supreme Court of Kenya ruled on the petition.", set()),
    ("Russian missiles damaged the Kakhovka dam.", {("RUS", "Assault", "UKR", "asserted")}),
    # holding or finding someone responsible for an attack or a harm accuses them
    ("The United States holds Iran responsible for the attack.", {("USA", "Accuse", "IRN", "asserted")}),
    ("The UN found Syria responsible for the chemical attack.", {("UN", "Accuse", "SYR", "asserted")}),
    ("The court found the Kenyan minister responsible for his children.", set()),
    # whom an accusation is for hitting is no one accused; a call for sanctions against someone asks it of them
    ("The Netherlands blamed Russian hackers for the cyberattack on the OPCW.", {("NLD", "Accuse", "RUS", "asserted")}),
    # a city that shares its name with another's former name resolves to neither (Salisbury, once Harare)
    ("Britain charged two Russian agents with the Salisbury poisoning.", {("GBR", "Accuse", "RUS", "asserted")}),
    # gas deliveries halted are trade halted; a bailout received is aid given; an abstention concedes nothing
    ("Gazprom halted gas deliveries to Poland.", {("RUS", "Sanction", "POL", "asserted")}),
    ("Pakistan received a bailout from the IMF.", {("IMF", "Aid", "PAK", "asserted")}),
    ("China abstained in the Security Council vote on the resolution.", set()),
    # an accusation has its verb's modality
    ("Washington may hold Iran responsible for the attack.", {("USA", "Accuse", "IRN", "considered")}),
    ("Kyiv did not say that Moscow was behind the explosion.", {("UKR", "Accuse", "RUS", "negated")}),
    ("Russia did not say that Sudan must return the helicopter.", {("RUS", "Request", "SDN", "negated")}),
    # a court a case is filed at is where it happens; force launched at someone hits them
    ("South Africa filed a genocide case against Israel at the International Court of Justice.", {("ZAF", "Accuse", "ISR", "asserted")}),
    ("Israel launched airstrikes at Hamas targets in Gaza.", {("ISR", "Assault", "PSE", "asserted")}),
    # platforms suspended by name are censored; election results rejected stand with no author named
    ("Nigeria's military government suspended Twitter.", {("NGA", "Coerce", "NGA", "asserted")}),
    ("Zimbabwe's opposition rejected the election results as fraudulent.", {("ZWE", "Reject", None, "asserted")}),
    # a body suspending a member state sanctions it; what else is suspended picks a sense by its theme
    ("The African Union suspended Niger after the coup.", {("AU", "Sanction", "NER", "asserted")}),
    ("The UN General Assembly suspended Russia from the Human Rights Council.", {("UN", "Sanction", "RUS", "asserted")}),
    ("Tunisia's president suspended parliament.", set()),
    # "came under fire" arrives nowhere (the dictionary received peacekeepers)
    ("UN peacekeepers came under fire in southern Lebanon.", set()),
    # the EU's court is the EU's, not a court of the country it rules on
    ("The European Court of Justice fined Poland.", {("EU", "Coerce", "POL", "asserted")}),
    # a threatened act named by a noun hits the place it names, as one named by a clause does
    ("ECOWAS threatened military intervention in Niger.", {("ECOWAS", "Threaten", "NER", "asserted")}),
    ("Turkey threatened a new offensive in northern Syria.", {("TUR", "Threaten", "SYR", "asserted")}),
    # abuses, war crimes and persecution are acts a comment or an investigation is on, where they happen
    ("The UN Human Rights Council launched an investigation into abuses in Iran.", {("UN", "Investigate", "IRN", "asserted")}),
    ("The EU condemned human rights abuses in Xinjiang.", {("EU", "Accuse", "CHN", "asserted")}),
    # an act that draws or sparks criticism from someone is criticised by them, its doer the target
    ("Beijing's crackdown on Hong Kong drew condemnation from London.", {("CHN", "Coerce", "HKG", "asserted"), ("GBR", "Accuse", "CHN", "asserted")}),
    # a participle's subject is its clause's: the one who fired the missile draws the rebuke
    ("Pyongyang fired a ballistic missile, prompting a rebuke from Tokyo.",
     {("JPN", "Accuse", "PRK", "asserted")}),
    ("Washington's support for Kyiv has drawn criticism from Moscow.", {("USA", "Support", "UKR", "asserted"), ("RUS", "Accuse", "USA", "asserted")}),
    # offering condolences or an apology performs it; offering support promises it
    ("Biden offered condolences to Turkey after the earthquake.", {("USA", "Support", "TUR", "asserted")}),
    # condolences or congratulations sent or conveyed are offered; gratitude expressed is thanks
    ("Putin sent condolences to Erdogan after the earthquake.", {("RUS", "Support", "TUR", "asserted")}),
    ("Modi conveyed his congratulations to Trump.", {("IND", "Support", "USA", "asserted")}),
    ("Zelensky expressed gratitude to Germany for its support.", {("UKR", "Support", "DEU", "asserted")}),
    ("Japan offered an apology to China.", {("JPN", "Support", "CHN", "asserted")}),
    ("Japan offered support to Ukraine.", {("JPN", "Support", "UKR", "planned")}),
    # whoever travels for a meeting takes part in it: with whom it names, else where they go (not home)
    ("The Egyptian foreign minister flew to Riyadh for talks with his Saudi counterpart.", {("EGY", "Consult", "SAU", "asserted")}),
    ("Macron left for Algiers for talks.", {("FRA", "Consult", "DZA", "asserted")}),
    ("Lavrov arrived in Beijing for a summit with Chinese leaders.", {("RUS", "Consult", "CHN", "asserted")}),
    ("Putin returned to Moscow for talks with his generals.", set()),
    # an attack the event is told in says where, through what it was aimed at
    ("Gunmen killed 15 worshippers in an attack on a church in Burkina Faso.", {("BFA", "Assault", "BFA", "asserted")}),
    # forces shown at a border with a state are shown to it ("its border" is the actor's own side)
    ("Russia massed troops along its border with Ukraine.", {("RUS", "DeployTroops", "UKR", "asserted")}),
    ("India deployed troops near its border with China.", {("IND", "DeployTroops", "CHN", "asserted")}),
    # a ship of war sent to a sea is no one's; it is no body of people acted on either
    ("The Pentagon sent an aircraft carrier to the eastern Mediterranean.", set()),
    # a count of acts is the acts: "a wave of airstrikes" are airstrikes, "a round of talks" talks (said once)
    ("Israel carried out a wave of airstrikes on Beirut's southern suburbs.", {("ISR", "Assault", "LBN", "asserted")}),
    ("Iran and France held a new round of talks in Paris.", {("IRN", "Consult", "FRA", "asserted")}),
    # a state's aircraft or drones brought down are that state attacked; "down" as a verb is that act
    ("Syria downed a Turkish jet.", {("SYR", "Assault", "TUR", "asserted")}),
    ("Ukrainian air defences shot down 30 Russian drones overnight.", {("UKR", "Assault", "RUS", "asserted")}),
    # an attack named as the passive's doer is its maker's, as it is as the active's subject
    ("Several Palestinians were killed by Israeli fire in the West Bank.", {("ISR", "Assault", "PSE", "asserted")}),
    ("Navalny was poisoned by Russian security agents.", {("RUS", "Assault", "RUS", "asserted")}),
    ("Two soldiers were killed by a roadside bomb.", set()),
    # swearing someone in installs them; it is no pledge (the particle may follow the object)
    ("Justice Clarence Thomas swore Amy Coney Barrett in at a White House ceremony.", set()),
    ("Chief Justice John Roberts swore Joe Biden in at the Capitol.", set()),
    ("Vladimir Putin swore to destroy Ukraine.", {("RUS", "Threaten", "UKR", "asserted")}),
    # a fronted adjunct is no part of the verb's phrase: "after his release, X led ..." releases no one
    ("After his release, Robert Mugabe led a guerrilla movement against Ian Smith's government.", set()),
    # hurting someone's chances or reputation is no force on them; damaging their grid is
    ("Iran spoofed e-mails to hurt President Trump's chances of re-election.", set()),
    ("The row damaged ties between India and Canada.", set()),
    ("Russian missiles damaged Ukrainian power plants.", {("RUS", "Assault", "UKR", "asserted")}),
    # a with-phrase set off as a clause of its own names no party ("with X following suit"); a plain one does
    ("Florida Governor Ron DeSantis declared a state of emergency, with South Carolina Governor Henry McMaster "
     "following suit.", {("USA", "Coerce", "USA", "asserted")}),
    ("Police in Minsk clashed with protesters demanding new elections.",
     {("BLR", "Assault", "BLR", "asserted"), ("BLR", "Request", None, "asserted")}),
    # "it" in a reported clause is what the sentence before was about: the fire, no actor, not the country named
    ("A fire destroyed 200 homes in a slum in Chittagong, Bangladesh. Officials said it killed nine people.", set()),
    ("Russia launched an offensive in eastern Ukraine. Officials said it killed 50 civilians.",
     {("RUS", "Assault", "UKR", "asserted")}),
    # consent denied in words rejects, besides the act negated (CAMEO 12); no one rejects what both fail to agree,
    # nor a meeting that did not take place, nor a hostile act not done
    ("The Israeli government said it would not meet the demands of Hamas.",
     {("ISR", "Concede", "PSE", "negated"), ("ISR", "Reject", "PSE", "asserted")}),
    ("Neither the European Union nor the United States would endorse the result of the Zimbabwean election.",
     {("EU", "Support", "ZWE", "negated"), ("EU", "Reject", "ZWE", "asserted"),
      ("USA", "Support", "ZWE", "negated"), ("USA", "Reject", "ZWE", "asserted")}),
    ("India did not sign the agreement with China.",
     {("IND", "SignAgreement", "CHN", "negated"), ("IND", "Reject", "CHN", "asserted")}),
    ("Russia and Ukraine did not agree on a ceasefire.", {("RUS", "Agree", "UKR", "negated")}),
    ("Biden did not meet Putin in Geneva.", {("USA", "Consult", "RUS", "negated")}),
    ("China has not condemned Russia's invasion of Ukraine.", {("CHN", "Accuse", "RUS", "negated")}),
    # a sum is of the class of what it is in: "$500 million in military aid" is aid; committing it pledges it
    ("The EU sent 50 million euros in humanitarian aid to Syria.", {("EU", "Aid", "SYR", "asserted")}),
    ("The United States sent $1 billion in military aid to Ukraine.", {("USA", "SupplyWeapons", "UKR", "asserted")}),
    ("Japan sent $5 billion to Ukraine.", {("JPN", "Aid", "UKR", "asserted")}),
    ("France committed 300 million euros in aid to Lebanon.", {("FRA", "Agree", "LBN", "planned")}),
    ("Britain committed 900 troops to Estonia.", {("GBR", "Agree", "EST", "planned")}),
    ("Russian soldiers committed atrocities in Bucha.", set()),
    # a riot (CAMEO 145) by a state's forces is no diplomatic protest: looting destroys property (CAMEO 1712)
    ("Sudanese paramilitaries looted a hospital in Khartoum.", {("SDN", "Assault", "SDN", "asserted")}),
    ("Kenyan protesters looted shops in Nairobi.", {("KEN", "Protest", "KEN", "asserted")}),
    # no confidence spelt open, in whom it is, and carried by the motion the assembly passes
    ("Pakistan's parliament passed a motion of no confidence in Prime Minister Imran Khan.",
     {("PAK", "Accuse", "PAK", "asserted")}),
    ("The Romanian opposition filed a no-confidence motion against the government.", {("ROU", "Accuse", "ROU", "considered")}),
    # force that answers an act is aimed at whoever did it ("attacks from Azerbaijan" are Azerbaijan's)
    ("Armenia said it was retaliating against missile attacks from Azerbaijan.", {("ARM", "Assault", "AZE", "asserted")}),
    ("Israel retaliated against rocket fire from Lebanon.", {("ISR", "Assault", "LBN", "asserted")}),
    ("Joe Biden opposed the travel ban from China.", set()),  # a ban is on what comes from a place
    # massing forces deploys them; massing anything else is no force, nor an assembly
    ("Russia amassed 100,000 troops on the border with Ukraine.", {("RUS", "DeployTroops", "UKR", "asserted")}),
    ("Donald Trump amassed 1,330 delegates in Florida.", set()),
    # a warning that something or someone else will do harm foretells it; one that the warner or the warned will
    # act or suffer for it threatens
    ("The WHO warned Brazil that the virus could spread quickly.", set()),
    ("The IMF warned Pakistan that its economy could collapse.", set()),
    ("Donald Trump warned that Joe Biden could destroy the growth with his tax increases.", set()),
    ("China warned Japan that it would take countermeasures.", {("CHN", "Threaten", "JPN", "asserted")}),
    ("The United States warned Iran that it would face consequences.", {("USA", "Threaten", "IRN", "asserted")}),
    # restrictions one state puts on another's people sanction; at home they coerce
    ("Australia imposed travel bans on Russian officials.", {("AUS", "Sanction", "RUS", "asserted")}),
    ("Sri Lanka imposed a curfew in Colombo.", {("LKA", "Coerce", "LKA", "asserted")}),
    # the goods' state is the trade partner ("imports of Australian coal")
    ("China halted imports of Australian coal.", {("CHN", "Sanction", "AUS", "asserted")}),
    ("India resumed imports of Iranian oil.", {("IND", "Cooperate", "IRN", "asserted")}),
    # saying one will not tolerate something threatens whoever does it; said of no one, the speaker threatens
    ("China will not tolerate any provocation from Taiwan.", {("CHN", "Threaten", "TWN", "asserted")}),
    ("Hong Kong leader Carrie Lam said any acts that threaten the country's sovereignty will not be tolerated.",
     {("HKG", "Threaten", None, "asserted")}),
    # a ruling that an act is unlawful condemns whoever did it
    ("The Supreme Court ruled that the suspension of Parliament by Boris Johnson was unlawful.",
     {("GBR", "Accuse", "GBR", "asserted")}),
    ("A federal judge ruled Trump's travel ban unconstitutional.", {("USA", "Accuse", "USA", "asserted")}),
    ("The UN General Assembly declared Russia's annexation of Crimea illegal.",
     {("UN", "Accuse", "RUS", "asserted"), ("RUS", "Assault", "UKR", "asserted")}),
    ("The court ruled that the law was constitutional.", set()),
    # a yes-or-no question asks whether it happened; a wh-question takes it as given
    ("Did China send weapons to Russia?", {("CHN", "SupplyWeapons", "RUS", "considered")}),
    ("Will Iran retaliate against Israel?", {("IRN", "Assault", "ISR", "considered")}),
    ("Why did Russia invade Ukraine?", {("RUS", "Assault", "UKR", "asserted")}),
    # a people named as of the state it lives in (CAMEO's ethnic groups)
    ("Thai authorities deported 40 Uyghurs to China.", {("THA", "Coerce", "CHN", "asserted")}),
    # a ship's flag is its state; pirates are of where they act, not of the ship they take
    ("Iran seized a British-flagged oil tanker in the Strait of Hormuz.", {("IRN", "Coerce", "GBR", "asserted")}),
    # (or one a participle after it ties to a state)
    ("The Houthis vowed to continue attacks on ships linked to Israel.", {("YEM", "Threaten", "ISR", "asserted")}),
    ("The US seized a tanker owned by Iran.", {("USA", "Coerce", "IRN", "asserted")}),
    ("Pirates hijacked a Bangladeshi cargo ship off Somalia.", {("SOM", "Coerce", "BGD", "asserted")}),
    # talks on joining a body are with it
    ("Georgia suspended talks on joining the European Union.", {("GEO", "Sanction", "EU", "asserted")}),
    ("Turkey resumed talks on joining the EU.", {("TUR", "Consult", "EU", "asserted")}),
    # a convoy or a checkpoint is of the forces its compound names
    ("Mexican cartel gunmen ambushed a police convoy in Michoacan.", {("MEX", "Assault", "MEX", "asserted")}),
    # dissolving a party told by a noun, as by the verb; a parliament's dissolution is no body's closing down
    ("The Thai court ordered the dissolution of the opposition party.", {("THA", "Coerce", "THA", "asserted")}),
    ("The King ordered the dissolution of parliament.", set()),
    ("Russia ordered the closure of the independent newspaper Novaya Gazeta.", {("RUS", "Coerce", "RUS", "asserted")}),
    ("The government ordered the closure of schools in Lagos.", set()),
    # weapons bought of a state, with no seller named, are that state's supply
    ("Turkey bought Russian S-400 missiles.", {("RUS", "SupplyWeapons", "TUR", "asserted")}),
    ("India bought Russian oil.", {("IND", "Cooperate", "RUS", "asserted")}),
    # pressure or criticism one acts despite or amid is on the one who acts, from whoever the noun names
    ("Despite pressure from Washington, India continued to buy Russian oil.",
     {("USA", "Request", "IND", "asserted"), ("IND", "Cooperate", "RUS", "asserted")}),
    ("Amid criticism from the European Union, Hungary vetoed the aid package.", {("EU", "Accuse", "HUN", "asserted")}),
    # coordinated brokers of a deal meet its parties, not each other; the parties still agree to it
    ("Israel and Lebanon agreed to a ceasefire brokered by the United States and France.",
     {("ISR", "Agree", "LBN", "planned"), ("USA", "Consult", "ISR", "asserted"), ("USA", "Consult", "LBN", "asserted"),
      ("FRA", "Consult", "ISR", "asserted"), ("FRA", "Consult", "LBN", "asserted")}),
    # a missile fired into the sea hits no one, wherever the sea is off: a show of force at no one named
    ("North Korea launched an intercontinental ballistic missile into the sea off Japan.", {("PRK", "Mobilize", None, "asserted")}),
    # whom a passive is done to is no doer of it, whatever their noun's class ("nationals" is a strike's modifier)
    ("Three Chinese nationals were charged with spying in Britain.", set()),
    # an act described by a charged word is its doer's; describing is no act of the dictionary's ("described the
    # visit" was an intent to meet, "described the sanctions" a sanction)
    ("China called Pelosi's visit a provocation.", {("CHN", "Accuse", "USA", "asserted")}),
    ("China described the visit by Pelosi to Taiwan as a provocation.", {("CHN", "Accuse", "USA", "asserted")}),
    ("Iran described the US sanctions as economic terrorism.", {("IRN", "Accuse", "USA", "asserted")}),
    # a threat that names no one, told after force was used on the threatener, is aimed at whoever used it
    ("Israel killed Hezbollah's top commander. The group vowed to retaliate.",
     {("ISR", "Assault", "LBN", "asserted"), ("LBN", "Threaten", "ISR", "asserted")}),
    ("Russia attacked Ukraine. Iran vowed to retaliate.",
     {("RUS", "Assault", "UKR", "asserted"), ("IRN", "Threaten", None, "asserted")}),
    # forces entering a place of another state occupy it (CAMEO 192), or are deployed there when they come for a
    # purpose; anyone else entering a place acts on no one
    ("Russian forces entered Kherson on Wednesday.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Rwandan troops entered Mozambique to help the army.", {("RWA", "DeployTroops", "MOZ", "asserted")}),
    ("Biden entered Ukraine by train.", set()),
    ("Afghan mujahideen fired rockets at Kabul airport.", {("AFG", "Assault", "AFG", "asserted")}),
    ("Contra rebels ambushed an army patrol in Nicaragua.", {("NIC", "Assault", "NIC", "asserted")}),
    # forces pulling back retreat wherever from, a place of no known country too; a company's withdrawal is none
    ("Russian forces withdrew from the town.", {("RUS", "Retreat", None, "asserted")}),
    ("Google withdrew its app.", set()),
    # a title and the name right after it, made two subjects by the parser, are one person
    ("Sudan's army chief Abdel Fattah al-Burhan met Kenya's president.", {("SDN", "Consult", "KEN", "asserted")}),
    ("Army chief Abdel Fattah al-Burhan met Kenya's president.", {("SDN", "Consult", "KEN", "asserted")}),
    # lawyers and judges marching are people dissenting at home, as lawmakers walking out are
    ("Hundreds of lawyers marched in Islamabad.", {("PAK", "Protest", "PAK", "asserted")}),
    # a by-phrase names whose plan or decision it is, and so who would do what it is to do
    ("Kyiv condemned a plan by Moscow to annex Crimea.",
     {("UKR", "Accuse", "RUS", "asserted"), ("RUS", "Assault", "UKR", "planned")}),
    # with no party acting in the sentence, the broker's own between-phrase names whom it met
    ("The truce brokered by Qatar between Israel and Hamas took effect on Sunday.",
     {("QAT", "Consult", "ISR", "asserted"), ("QAT", "Consult", "PSE", "asserted")}),
    # a participle with an object on the sentence's first noun is the main verb the parser missed
    ("Israeli airstrikes killed at least 30 people in Gaza on Tuesday, local health officials said.",
     {("ISR", "Assault", "PSE", "asserted")}),
    ("Israeli airstrikes killed at least 30 people in Lebanon.", {("ISR", "Assault", "LBN", "asserted")}),
    ("Sanctions imposed by the European Union on Belarus were extended.", {("EU", "Sanction", "BLR", "asserted")}),
    ("Armenia and Azerbaijan initialled a peace treaty.", {("ARM", "SignAgreement", "AZE", "asserted")}),
    # moving forces deploys them; a border is the state across it, whoever's side
    ("Poland moved troops to its border with Belarus.", {("POL", "DeployTroops", "BLR", "asserted")}),
    ("Russia moved nuclear weapons to Belarus.", {("RUS", "Mobilize", "BLR", "asserted")}),
    ("Kenya moved its capital.", set()),
    # whoever enacts an instrument does what its relative clause says it does
    ("The Thai president signed a law that bans the opposition party.", {("THA", "Coerce", "THA", "asserted")}),
    # saying someone commits a wrong accuses them
    ('"Russia is committing genocide in Ukraine," Zelensky said.', {("UKR", "Accuse", "RUS", "asserted")}),
    ("South Africa said Israel was committing genocide in Gaza.", {("ZAF", "Accuse", "ISR", "asserted")}),
    # words are said of or to forces named as the object: they are whom, not a theme
    ("The US Justice Department charged four Chinese military officers with espionage.",
     {("USA", "Accuse", "CHN", "asserted")}),
    # whom something is asked from is whom one asks
    ("Ukraine requested troops from NATO.", {("UKR", "Request", "NATO", "asserted")}),
    ("Poland requested Patriot missiles from the United States.", {("POL", "Request", "USA", "asserted")}),
    # rescue teams sent after a disaster are aid
    ("Turkey sent search and rescue teams to Morocco after the earthquake.", {("TUR", "Aid", "MAR", "asserted")}),
    # whom a demand's clause has do something is whom it asks
    ("Protesters in Nairobi demanded that President William Ruto resign.", {("KEN", "Request", "KEN", "asserted")}),
    ("The EU demanded that Russia withdraw its troops from Ukraine.", {("EU", "Request", "RUS", "asserted")}),
    # a cyberattack on a state's networks attacks it; an attache expelled is a diplomat expelled
    ("Iran launched a cyberattack on Albania's government websites.", {("IRN", "Assault", "ALB", "asserted")}),
    ("Britain expelled Russia's defence attache over espionage.", {("GBR", "Sanction", "RUS", "asserted")}),
    # what a call or a demand asks has not happened
    ("There were calls for Netanyahu to resign.", {("ISR", "Retreat", None, "considered")}),
    # whom one acts on behalf of is no one acted on; one of no known state acts for it
    ("In mid-August, Kushner, on behalf of the White House, helped broker a deal establishing diplomatic relations "
     "between Israel and the United Arab Emirates.",
     {("USA", "Consult", "ISR", "asserted"), ("USA", "Consult", "ARE", "asserted"), ("ISR", "Support", "ARE", "asserted")}),
    ("The envoy, on behalf of Qatar, mediated between Israel and Hamas.",
     {("QAT", "Consult", "ISR", "asserted"), ("QAT", "Consult", "PSE", "asserted")}),
    # a class's fixed phrase may end in its own prepositional phrase: crimes against humanity are wrongs done
    ("The ICC opened an inquiry into alleged crimes against humanity in Myanmar.",
     {("ICC", "Investigate", "MMR", "asserted")}),
    # a hostile act told as the answer to another is aimed at that act's doer; force, at the place it hit first
    ("Beijing imposed export curbs on rare earths in retaliation for American chip restrictions.",
     {("CHN", "Sanction", "USA", "asserted")}),
    ("Moscow expelled four diplomats in response to Estonia's decision.", {("RUS", "Sanction", "EST", "asserted")}),
    ("Israel launched airstrikes in retaliation for a drone attack by Hezbollah.", {("ISR", "Assault", "LBN", "asserted")}),
    ("Mali closed its airspace in response to a request from Niger.", set()),
    # a plural pronoun refers to the names its antecedent is coordinated with
    ("Israel rebuked Spain and Ireland after they recognised a Palestinian state.",
     {("ISR", "Accuse", "ESP", "asserted"), ("ISR", "Accuse", "IRL", "asserted"), ("ESP", "Support", "PSE", "asserted"),
      ("IRL", "Support", "PSE", "asserted")}),
    # an envoy stands for the state that sent it, named by its modifier or by its of-phrase
    ("Ankara summoned the ambassadors of Sweden and Finland.",
     {("TUR", "Consult", "SWE", "asserted"), ("TUR", "Consult", "FIN", "asserted")}),
    # curbs are restrictions; curbing something no one does is no restriction of a state's own people
    ("Washington imposed fresh curbs on Chinese chipmakers.", {("USA", "Sanction", "CHN", "asserted")}),
    ("The central bank of Ghana raised interest rates to curb inflation.", set()),
    # what a relative clause says happened to or by a definite thing is given, whatever is denied about it
    ("Rwanda denied arming the M23 rebels who attacked Goma.",
     {("RWA", "SupplyWeapons", "COD", "negated"), ("COD", "Assault", "COD", "asserted")}),
    # a church is a body of its faithful (the agents table lists only denominations)
    ("Georgia's prime minister criticised the Georgian church.", {("GEO", "Accuse", "GEO", "asserted")}),
    # coordination is a tie, which is cut
    ("The Palestinian Authority halted security coordination with Israel.", {("PSE", "Sanction", "ISR", "asserted")}),
    # force set in drills is shown, not used: a show of force at whom it encircles (CAMEO 150)
    ("Chinese warships encircled Taiwan in large-scale exercises.", {("CHN", "Mobilize", "TWN", "asserted")}),
    ("North Korean troops fired on South Korea during a drill.", {("PRK", "Mobilize", "KOR", "asserted")}),
    # ... a drill named only as a modifier sets nothing
    ("Russian forces attacked Kharkiv during the exercise period.", {("RUS", "Assault", "UKR", "asserted")}),
    # seizing a town, or a place by its name, takes it by force (CAMEO 192); seizing goods or people coerces
    ("Congolese rebels seized the town of Goma.", {("COD", "Assault", "COD", "asserted")}),
    ("Russian troops seized Kherson.", {("RUS", "Assault", "UKR", "asserted")}),
    # a named place handed over is what is given up, not whom it is given to
    ("Russia handed Kherson to Ukraine.", {("RUS", "Retreat", "UKR", "asserted")}),
    # police questioning someone investigate them
    ("Indonesian police interrogated the former trade minister.", {("IDN", "Investigate", "IDN", "asserted")}),
    # what a blockade or a seizure is of is what it falls on
    ("The Russian blockade of Ukrainian ports caused a food crisis.", {("RUS", "Coerce", "UKR", "asserted")}),
    # aid received, named by its giver as a modifier: a state or an international body
    ("Sri Lanka received an IMF bailout.", {("IMF", "Aid", "LKA", "asserted")}),
    # an event noun given a predicate is described, not done or planned by whoever describes it
    ("Kenya's president called the protests treasonous.", set()),
    # ... and a charge of treason or persecution in the description accuses the act's doer
    ("Netanyahu called the Turkish inquiry a witch hunt.", {("ISR", "Accuse", "TUR", "asserted")}),
    # craft a state's adjective names are that state's
    ("Israeli aircraft struck targets in southern Lebanon.", {("ISR", "Assault", "LBN", "asserted")}),
    # "joined X in doing": X does it too; a limit on sales is an embargo
    ("The Netherlands joined the United States in limiting chip sales to China.",
     {("NLD", "Sanction", "CHN", "asserted"), ("USA", "Sanction", "CHN", "asserted")}),
    # a threat naming no one, coordinated after an act on a party, is aimed at that party ...
    ("ECOWAS gave Niger's junta a week to reinstate Bazoum and threatened to use force.",
     {("ECOWAS", "Threaten", "NER", "asserted")}),
    # ... not at a thing acted on, nor when what is threatened names someone of its own
    ("Iran seized a British tanker and threatened to close the Strait of Hormuz.",
     {("IRN", "Coerce", "GBR", "asserted"), ("IRN", "Threaten", None, "asserted")}),
    # a name before a sum is whom it is fined or paid, though the NER reads the two as one amount
    ("A Russian court fined Google 2.5 billion rubles.", {("RUS", "Coerce", "USA", "asserted")}),
    # documenting wrongs investigates whoever did them; documenting anything else is no event
    ("Human Rights Watch documented abuses by Ethiopian forces in Tigray.", {("human-rights-watch", "Investigate", "ETH", "asserted")}),
    ("The journalist documented the journey of migrants from Libya.", set()),
    # envoys of states the text does not name are not the text's state's
    ("Venezuela expelled diplomats from seven Latin American countries.", set()),
    # a verb of growing alone tells of something growing, not of the cooperation the dictionary codes
    ("India and Canada expelled each other's diplomats as a row over the killing of a Sikh activist escalated.",
     {("IND", "Sanction", "CAN", "asserted"), ("CAN", "Sanction", "IND", "asserted")}),
    # saying there is evidence of a claim makes it; saying there is none does not
    ("Kyiv said there were signs that Russia was behind the explosion.", {("UKR", "Accuse", "RUS", "asserted")}),
    ("Kyiv said there was no evidence that Russia was behind the explosion.", set()),
    # an attack in the passive with no doer and no place named is by unknown attackers where the text is about
    ("Slovak Prime Minister Robert Fico was shot in an assassination attempt.", {("SVK", "Assault", "SVK", "asserted")}),
    # criticism one defends something against is aimed at whoever defends it
    ("Mexico's president defended the judicial reform against criticism from the United States.",
     {("USA", "Accuse", "MEX", "asserted")}),
    # what one protests is acted on as a condemned act is: its doer, not the place it hit nor whom it hit
    ("Egypt protested the Israeli raid on Rafah.", {("EGY", "Accuse", "ISR", "asserted")}),
    # a protest an envoy is summoned for is made to the envoy's state
    ("Germany summoned Iran's ambassador to protest the execution of a German citizen.",
     {("DEU", "Accuse", "IRN", "asserted"), ("DEU", "Consult", "IRN", "asserted")}),
    # a threat to avenge an act is aimed at whoever did it, never at whom it hit
    ("Iran vowed to avenge the killing of Nasrallah by Israel.", {("IRN", "Threaten", "ISR", "asserted")}),
    ("Iran vowed to avenge the killing of the Hezbollah leader.", {("IRN", "Threaten", None, "asserted")}),
    # craft of war sent into or toward a state are shown to it; arms smuggled into a place are supplied
    ("China sent warships into Japanese waters.", {("CHN", "Mobilize", "JPN", "asserted")}),
    ("Iran smuggled weapons into Gaza.", {("IRN", "SupplyWeapons", "PSE", "asserted")}),
    # coordinated passives share the first's subject and the last's by-phrase; "state agents" are the state's
    ("Zimbabwe's opposition leader was abducted and tortured by suspected state agents.",
     {("ZWE", "Coerce", "ZWE", "asserted"), ("ZWE", "Assault", "ZWE", "asserted")}),
    # ... into a named sea too: the waters are no one's
    ("North Korea launched two missiles into the Sea of Japan.", {("PRK", "Mobilize", None, "asserted")}),
    # driving forces out or back fights them, not the place they are driven from
    ("Ukrainian troops drove Russian forces out of Kharkiv.", {("UKR", "Assault", "RUS", "asserted")}),
    ("Israeli forces pushed back Hezbollah fighters.", {("ISR", "Assault", "LBN", "asserted")}),
    # who heads a body acts for it
    ("The head of the IAEA criticised Iran.", {("IAEA", "Accuse", "IRN", "asserted")}),
    # verbs of intimidation threaten; insults accuse; lobbying asks; a rout is force; compensation is aid
    ("China bullied the Philippines.", {("CHN", "Threaten", "PHL", "asserted")}),
    ("Erdogan insulted Macron.", {("TUR", "Accuse", "FRA", "asserted")}),
    ("The US lobbied Germany to send tanks.", {("USA", "Request", "DEU", "asserted")}),
    ("Ukrainian forces routed Russian troops near Kharkiv.", {("UKR", "Assault", "RUS", "asserted")}),
    ("Germany compensated Namibia for the colonial-era genocide.", {("DEU", "Aid", "NAM", "asserted")}),
    # what an act is described as designed to do is no act of whoever describes it
    ("The Israeli minister described the strike as designed to intimidate Iran.", set()),
    # recognition told by a noun is granted
    ("Spain's recognition of Palestine angered Israel.", {("ESP", "Support", "PSE", "asserted")}),
    # tariffs told by a noun are a sanction, as an embargo is
    ("The EU's tariffs on Chinese electric vehicles angered Beijing.", {("EU", "Sanction", "CHN", "asserted")}),
    # a name opening a sentence, which the parser took for a noun with its verb as a modifier of the object
    ("Trump imposed sanctions on Iran.", {("USA", "Sanction", "IRN", "asserted")}),
    # a gerund right after a verb and its particle is the verb's complement, though the model reads a clause of result
    ("Germany ruled out sending troops to Ukraine.", {("DEU", "DeployTroops", "UKR", "negated")}),
    ("Scholz has not ruled out sending troops to Ukraine.", {("DEU", "DeployTroops", "UKR", "considered")}),
    # an action is force when it is military; legal action is none
    ("The US took military action against Iran.", {("USA", "Assault", "IRN", "asserted")}),
    ("Biden ruled out military action against Iran.", {("USA", "Assault", "IRN", "negated")}),
    ("Apple took legal action against Samsung.", set()),
    # a state or province that files a lawsuit does so as its government
    ("Texas filed a lawsuit against the Biden administration.", {("USA", "Accuse", "USA", "asserted")}),
    # the means given are the recipient's to use: the purpose infinitive is the recipient's act, not the giver's
    ("Germany gave Ukraine tanks to fight Russia.",
     {("DEU", "SupplyWeapons", "UKR", "asserted"), ("UKR", "Assault", "RUS", "asserted")}),
    ("Iran gave Hezbollah rockets to attack Israel.",
     {("IRN", "SupplyWeapons", "LBN", "asserted"), ("LBN", "Assault", "ISR", "asserted")}),
    ("Iran armed the Houthis with missiles to attack Israel.",  # the object of the with-construction
     {("IRN", "SupplyWeapons", "YEM", "asserted"), ("YEM", "Assault", "ISR", "asserted")}),
    # a time given someone to do something is an ultimatum to them; what they are to do is demanded, not done
    ("Israel gave Hamas until Saturday to free the hostages.", {("ISR", "Threaten", "PSE", "asserted")}),
    ("Russia gave Ukraine a week to withdraw its troops from Kursk.", {("RUS", "Threaten", "UKR", "asserted")}),
    ("The IMF gave Pakistan a loan to pay its debts.", {("IMF", "Aid", "PAK", "asserted")}),
    # a theme that is an act on someone names them by its of-phrase, as the act's noun alone does
    ("Saudi Arabia lifted its blockade of Qatar.", {("SAU", "Retreat", "QAT", "asserted")}),
    # hosting forces or arms is no meeting with their state; hosting people is
    ("Poland will host US troops.", set()),
    ("China hosted the Iranian foreign minister.", {("CHN", "Consult", "IRN", "asserted")}),
    # whom a state coerces is its own only when no word says they are from elsewhere
    ("Iran seized a foreign tanker in the Gulf.", set()),
    ("Russia expelled foreign journalists.", set()),
    # (a people's or a faith's word says no such thing)
    ("Israeli police arrested Arab protesters.", {("ISR", "Coerce", "ISR", "asserted")}),
    ("China detained Muslim clerics.", {("CHN", "Coerce", "CHN", "asserted")}),
    # ending a blockade, a siege or sanctions lifts them; a siege is a blockade
    ("Turkey ended its blockade of Armenia.", {("TUR", "Retreat", "ARM", "asserted")}),
    ("Russia lifted the siege of Kyiv.", {("RUS", "Retreat", "UKR", "asserted")}),
    ("The US ended sanctions on Cuba.", {("USA", "Concede", "CUB", "asserted")}),
    # a restriction imposed on a place is on it, though the parser hangs the place on the verb
    ("Israel imposed a siege on Gaza.", {("ISR", "Coerce", "PSE", "asserted")}),
    # the parties of a reciprocal event may hang on the verb that says it happens
    ("Fighting erupted between Armenia and Azerbaijan.",
     {("ARM", "Assault", "AZE", "asserted"), ("AZE", "Assault", "ARM", "asserted")}),
    ("Clashes broke out between Indian and Chinese soldiers in the Galwan Valley.",
     {("IND", "Assault", "CHN", "asserted"), ("CHN", "Assault", "IND", "asserted")}),
    # where one flees to is no one a coordinated verb acts on
    ("Bangladesh's prime minister resigned and fled to India.", {("BGD", "Retreat", None, "asserted")}),
    # "it" as a passive's subject is the proposal just named, even with a clause describing it; a bill passed is the
    # passer's
    ("Cuba and Uruguay allow abortion. In 2018 the Argentine congress approved a bill legalising abortion, but it was "
     "rejected by President Macri.", {("ARG", "Reject", "ARG", "asserted")}),
    ("China opposes the ban. The US Congress passed a bill banning TikTok, but it was vetoed by President Biden.",
     {("USA", "Reject", "USA", "asserted")}),
    # hacking is a cyberattack, and so is breaking into computers or accounts; a breach of anything else is not
    ("North Korean hackers hacked the computer systems of the South Korean defence ministry.",
     {("PRK", "Assault", "KOR", "asserted")}),
    ("Chinese hackers breached the email accounts of senior US officials.", {("CHN", "Assault", "USA", "asserted")}),
    ("Iranian hackers infiltrated the computer networks of Albania's government.",
     {("IRN", "Assault", "ALB", "asserted")}),
    ("Russia breached Estonian airspace.", {("RUS", "Mobilize", "EST", "asserted")}),  # a state's airspace is the state
    # an assembly speaks by voting: what it votes to say is said, what it votes to have done is yet to be done
    ("The Spanish parliament voted to recognise Palestine.", {("ESP", "Support", "PSE", "asserted")}),
    ("The German parliament voted to send troops to Mali.", {("DEU", "DeployTroops", "MLI", "planned")}),
    ("The US House of Representatives will vote to impeach President Trump next week.",
     {("USA", "Accuse", "USA", "planned")}),
    ("Kenyan lawmakers did not vote to impeach President Ruto.", {("KEN", "Accuse", "KEN", "negated")}),
    # what one must do is an obligation, not an act done; said of someone else, it asks it of them
    ("Russia must withdraw its troops from Ukraine.", {("RUS", "Retreat", "UKR", "considered")}),
    ("Biden said Iran must release the hostages.", {("USA", "Request", "IRN", "asserted")}),
    # welcoming a person receives them; welcoming what someone did praises it
    ("Xi welcomed Putin to Beijing.", {("CHN", "Consult", "RUS", "asserted")}),
    ("Modi warmly welcomed the Japanese prime minister.", {("IND", "Consult", "JPN", "asserted")}),
    ("Putin was welcomed by Xi in Beijing.", {("CHN", "Consult", "RUS", "asserted")}),
    ("Biden welcomed Zelensky's decision.", {("USA", "Support", "UKR", "asserted")}),
    # what forces launch against someone is force; what anyone else launches needs a word of force
    ("Nigerian troops launched a campaign against Boko Haram.", {("NGA", "Assault", "NGA", "asserted")}),
    ("The Nigerian government launched a campaign against Boko Haram.", set()),
    # a warning of one's own hostile act threatens, though no one is named; of another's harm, it foretells
    ("Iran warned it would respond harshly to any attack.", {("IRN", "Threaten", None, "asserted")}),
    ("North Korea warned it would take strong countermeasures.", {("PRK", "Threaten", None, "asserted")}),
    ("The WHO warned of a second wave.", set()),
    # a particle the parser reads as a preposition still leaves the verb its object
    ("Kenya's parliament voted down the government's budget on Tuesday.", {("KEN", "Reject", "KEN", "asserted")}),
    # a person handed over to a court or a state is extradited; captives handed over are freed
    ("Serbia handed Slobodan Milosevic over to the Hague tribunal.", {("SRB", "Coerce", "YUG", "asserted")}),
    ("Ukraine handed over 50 Russian prisoners of war.", {("UKR", "Retreat", "RUS", "asserted")}),
    # a bloc that agrees sanctions adopts them; agreeing to impose them plans them
    ("The EU agreed new sanctions on Russia.", {("EU", "Sanction", "RUS", "asserted")}),
    ("The EU agreed to impose new sanctions on Russia.", {("EU", "Sanction", "RUS", "planned")}),
    # people named by their age are civilians, pupils students
    ("French police shot dead a teenager during a traffic stop in Nanterre.", {("FRA", "Assault", "FRA", "asserted")}),
    # the public's force on armed men is an event, though the dictionary codes it
    ("Palestinian youths threw stones at Israeli soldiers in Hebron.", {("PSE", "Assault", "ISR", "asserted")}),
    # an election or a government called illegitimate is its state's accused, though the parser folds the demonym
    # into the description
    ("The EU called the Russian election illegitimate.", {("EU", "Accuse", "RUS", "asserted")}),
    ("The EU called Russia's election illegitimate.", {("EU", "Accuse", "RUS", "asserted")}),
    # a body that expels a member state sanctions it, as one that suspends it does; expelling people coerces them
    ("OPEC expelled Qatar.", {("OPEC", "Sanction", "QAT", "asserted")}),
    # fleeing acts on no one, whatever the dictionary's patterns for evacuating say; evacuating an embassy still does
    ("American diplomats fled to the Canadian embassy in Tehran.", set()),
    ("The US evacuated its embassy in Kabul.", {("USA", "Retreat", "AFG", "asserted")}),
    # what is yet to be done is not done; not accepted yet is no refusal
    ("Russia is yet to withdraw its troops from Ukraine.", {("RUS", "Retreat", "UKR", "negated")}),
    ("Hamas has not yet accepted the Egyptian proposal.", {("PSE", "Agree", "EGY", "negated")}),
    ("Hamas did not accept the Egyptian proposal.",
     {("PSE", "Agree", "EGY", "negated"), ("PSE", "Reject", "EGY", "asserted")}),
    # the use of force against someone is force; troops used for anything else are not; what is authorised is yet
    # to be done
    ("China has never ruled out the use of force against Taiwan.", {("CHN", "Assault", "TWN", "considered")}),
    ("The state used the National Guard to man polling booths.", set()),
    ("Biden authorised airstrikes on Houthi targets in Yemen.", {("USA", "Assault", "YEM", "planned")}),
    # signing one's own law or decree enacts it: the signer does what it does, and nothing else
    ("Kenya is in crisis. President Ruto signed a decree dissolving parliament.", set()),
    ("Kenya is in crisis. President Ruto signed a law on the national assembly.", set()),
    ("Haiti's transitional council appointed a new prime minister on Monday.", set()),
    ("Putin signed a decree expelling British diplomats.", {("RUS", "Sanction", "GBR", "asserted")}),
    ("Russia and Belarus signed a protocol on defence cooperation.", {("RUS", "SignAgreement", "BLR", "asserted")}),
    # a vote against someone disapproves of them; against a bill, of no one named
    ("The far-right National Rally joined left-wing parties in voting against the prime minister.",
     {("FRA", "Accuse", "FRA", "asserted")}),
    ("India did not vote against Russia.", {("IND", "Accuse", "RUS", "negated")}),
    ("Eleven countries voted against the resolution condemning Russia.", set()),
    ("Germany's Bundestag voted against the bill.", set()),
    # parties who agree together are each other's counterparts; what they agree on is the topic
    ("Ukraine and Russia reached an agreement on the release of prisoners.", {("UKR", "Agree", "RUS", "asserted")}),
    ("The US and Russia reached an agreement on Syria.", {("USA", "Agree", "RUS", "asserted")}),
    ("The US reached an agreement on Syria.", {("USA", "Agree", "SYR", "asserted")}),
    # a word of a strike's modifiers heading its own phrase names no strike ("national", "general")
    ("Canada charged two Indian nationals with murder.", {("CAN", "Accuse", "IND", "asserted")}),
    ("Nigerian unions called a general strike.", {("NGA", "Protest", "NGA", "planned")}),
    # wire style: a name before the day is the verb's object, and a call that asks nothing of the party it names is a
    # phone call; a name after its titles is the object its parse made an adverbial noun of
    ("Israel attacked Gaza Monday.", {("ISR", "Assault", "PSE", "asserted")}),
    ("Biden met Xi Tuesday.", {("USA", "Consult", "CHN", "asserted")}),
    ("Joe Biden called Zelensky on Tuesday.", {("USA", "Consult", "UKR", "asserted")}),
    ("Trump called Putin on Tuesday.", {("USA", "Consult", "RUS", "asserted")}),
    ("The Kenyan president met opposition leader Raila Odinga.", {("KEN", "Consult", "KEN", "asserted")}),
    # a military mission or presence ended or halted is a withdrawal (a mission alone is an envoy's)
    ("Germany ended its military mission in Mali.", {("DEU", "Retreat", "MLI", "asserted")}),
    ("Israel halted its ground operations in Lebanon.", {("ISR", "Retreat", "LBN", "asserted")}),
    ("Spain withdrew its military mission from Iraq.", {("ESP", "Retreat", "IRQ", "asserted")}),
    ("Turkey launched a military operation in Syria.", {("TUR", "Assault", "SYR", "asserted")}),
    # a walkout from talks breaks them off; any other walkout is a protest
    ("North Korea walked out of the talks with South Korea.", {("PRK", "Reject", "KOR", "asserted")}),
    ("Nigerian nurses walked out over unpaid wages.", {("NGA", "Protest", "NGA", "asserted")}),
    ("Zambian miners walked off the job.", {("ZMB", "Protest", "ZMB", "asserted")}),
    # a deal struck is reached, not an attack on the place of the signing; a deal accepted by coordinated parties
    # with no one else named is theirs
    ("Serbia and Kosovo struck a deal in Washington.", {("SRB", "Agree", "XKX", "asserted")}),
    ("Chile struck a trade deal with Peru.", {("CHL", "Agree", "PER", "asserted")}),
    ("Russia struck power plants in Kharkiv.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Ethiopia and Eritrea accepted the ceasefire.", {("ETH", "Agree", "ERI", "asserted")}),
    # a proposal put forward by someone is theirs, as "Egypt's proposal" is
    ("Hamas accepted the ceasefire proposal put forward by Egypt and Qatar.",
     {("PSE", "Agree", "EGY", "asserted"), ("PSE", "Agree", "QAT", "asserted")}),
    ("Israel welcomed the plan presented by Egypt.", {("ISR", "Support", "EGY", "asserted")}),
    # an agreement to give or do something to someone is with them, though what is agreed is no event of its own
    ("Armenia agreed to return four villages to Azerbaijan.", {("ARM", "Agree", "AZE", "planned")}),
    ("Israel agreed to transfer tax revenues to the Palestinian Authority.", {("ISR", "Agree", "PSE", "planned")}),
    ("The exiled leader of Venezuela's opposition agreed to return to Venezuela.", {("VEN", "Agree", None, "planned")}),
    # talks concluded were held; an agreement finalised is signed
    ("The EU and Mercosur concluded negotiations on a free trade agreement.", {("EU", "Consult", "MERCOSUR", "asserted")}),
    ("The EU and Mercosur finalised a free trade agreement.", {("EU", "SignAgreement", "MERCOSUR", "asserted")}),
    ("The court concluded that Israel had violated the law.", set()),
    # a leader's warning of their own state's harm is a threat to no one it names as doing it
    ("Putin warned that Russia could use nuclear weapons.", {("RUS", "Threaten", None, "asserted")}),
    ("Putin warned that Russian forces would strike Western capitals.", {("RUS", "Threaten", None, "asserted")}),
    ("Maduro warned that the opposition would pay for the violence.", {("VEN", "Threaten", "VEN", "asserted")}),
    # the unarmed who occupy a place sit in, in protest; a state or its forces occupying a place use force
    ("Kenyan students occupied the parliament building.", {("KEN", "Protest", "KEN", "asserted")}),
    ("Russia occupies parts of Ukraine.", {("RUS", "Assault", "UKR", "asserted")}),
    # restrictions placed or sanctions put on someone are imposed on them
    ("Washington placed export restrictions on Chinese chipmakers.", {("USA", "Sanction", "CHN", "asserted")}),
    ("The US put sanctions on Iran's oil minister.", {("USA", "Sanction", "IRN", "asserted")}),
    ("China placed an order for Boeing jets.", set()),
    # a passive with no subject in a clause of time is done to the subject of the clause it times
    ("The Dutch journalist was hospitalised after being beaten by police in Belgrade.",
     {("SRB", "Assault", "NLD", "asserted")}),
    ("Russia fired missiles at Kyiv after being attacked by Ukrainian drones.",
     {("RUS", "Assault", "UKR", "asserted"), ("UKR", "Assault", "RUS", "asserted")}),
    # talks on joining a body are with it, wherever the parser hangs the topic
    ("Georgia's government will suspend talks on joining the European Union.", {("GEO", "Sanction", "EU", "planned")}),
    ("Ukraine will hold talks on joining NATO.", {("UKR", "Consult", "NATO", "planned")}),
    # fighting an ill is policy, not force: no threat in vowing it
    ("Sri Lanka's president pledged to fight corruption and renegotiate the terms of the bailout.", set()),
    ("Kurdish forces in Syria fought terrorism.", set()),
    ("Russia vowed to fight the Ukrainian army.", {("RUS", "Threaten", "UKR", "asserted")}),
    # whoever comments on an organ named alone is not its state
    ("Sri Lanka held an election. India and China congratulated the new government.",
     {("IND", "Support", "LKA", "asserted"), ("CHN", "Support", "LKA", "asserted")}),
    # a headline's verb the tagger got right and the parser took for the head of its subject's phrase
    ("Ukraine downs Russian drones over Kyiv", {("UKR", "Assault", "RUS", "asserted")}),
    ("Hungary vetoes EU aid for Ukraine", {("HUN", "Reject", "EU", "asserted")}),
    # a kind of place with its name is the place named: acted on, or moved when the act moves a territory
    ("Russian troops besieged the city of Mariupol.", {("RUS", "Coerce", "UKR", "asserted")}),
    ("Egypt handed the town of Rafah to Israel.", {("EGY", "Retreat", "ISR", "asserted")}),
    # a body's suspension of a member is a sanction on it, and lifting it concedes
    ("ECOWAS announced the suspension of Niger.", {("ECOWAS", "Sanction", "NER", "asserted")}),
    ("The African Union lifted the suspension of Gabon, which it had imposed after the coup.",
     {("AU", "Concede", "GAB", "asserted")}),
    # trade or arms blocked is an embargo, as halted
    ("The US blocked exports of chips to China.", {("USA", "Sanction", "CHN", "asserted")}),
    ("Germany blocked arms sales to Saudi Arabia.", {("DEU", "Sanction", "SAU", "asserted")}),
    ("Turkey blocked Sweden's bid to join NATO.", {("TUR", "Reject", "SWE", "asserted")}),
    # forces advancing on a place attack it; forces named by their arms are armed
    ("M23 rebels advanced on the city of Goma.", {("COD", "Assault", "COD", "asserted")}),
    ("Israeli tanks entered Rafah.", {("ISR", "Assault", "PSE", "asserted")}),
    ("Trump advanced to the general election.", set()),
    # pressing ahead with an act goes on with it, asking nothing of anyone
    ("Despite international pressure, Israel pressed ahead with its offensive in Rafah.",
     {("ISR", "Assault", "PSE", "asserted")}),
    # federal agents are law enforcement, a grand jury is the judiciary
    ("Protesters in Portland clashed with federal agents outside the courthouse.", {("USA", "Assault", "USA", "asserted")}),
    ("A grand jury indicted Trump's former campaign chairman on fraud charges.", {("USA", "Accuse", "USA", "asserted")}),
    # an impeachment accuses whom it is of, an acquittal eases what they faced
    ("The impeachment of President Yoon by the National Assembly was upheld by the Constitutional Court.",
     {("KOR", "Accuse", "KOR", "asserted")}),
    # a group's name as a modifier names it: "Tamil Tiger rebels", "a Tamil Tiger offer"
    ("Tamil Tiger rebels attacked a navy base in Trincomalee.", {("LKA", "Assault", "LKA", "asserted")}),
    # what someone is nudged, dared or begged to do is not done; what they are forced or prompted to do is
    ("France nudged Germany to accept the deal.", set()),
    ("Iran dared Israel to attack its nuclear sites.", set()),
    ("Russia's invasion prompted Finland to apply for NATO membership.", {("FIN", "Request", "NATO", "asserted")}),
    ("Russia used drones to attack Kyiv.", {("RUS", "Assault", "UKR", "asserted")}),
    # cooperation is never with whom it is against
    ("France allied with Germany against Russia.", {("FRA", "Cooperate", "DEU", "asserted")}),
    # rallying behind someone or standing by them backs them; teaming up with them cooperates
    ("France rallied behind Germany on the deal.", {("FRA", "Support", "DEU", "asserted")}),
    ("Poland stood by Ukraine throughout the war.", {("POL", "Support", "UKR", "asserted")}),
    ("France teamed up with Germany on the deal.", {("FRA", "Cooperate", "DEU", "asserted")}),
    ("Georgia's president stood by her decision.", set()),
    # a short sentence read as its object noun, with the verb as the noun's modifier: the noun is acted on
    ("Trump criticised Norway.", {("USA", "Accuse", "NOR", "asserted")}),
    ("Trump sanctioned Norway.", {("USA", "Sanction", "NOR", "asserted")}),
    ("Macron snubbed Norway.", {("FRA", "Accuse", "NOR", "asserted")}),
    ("The US-sanctioned Russian bank collapsed.", set()),
    ("Kenyan teachers called on President Ruto to resign.", {("KEN", "Request", "KEN", "asserted")}),
    # a threat told by a noun holds what it threatens, as the verb does
    ("Russia's threat to invade Ukraine alarmed the region.", {("RUS", "Threaten", "UKR", "asserted")}),
    # an act commented on by no one named stands ("commented acts" give only the comment when it has a doer)
    ("Russia's invasion of Ukraine was condemned.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Russia's invasion of Ukraine was condemned by the EU.", {("EU", "Accuse", "RUS", "asserted")}),
    # a call for something is an appeal, asked of the one its clause names, as calling for it is
    ("Russia's call for talks with Ukraine was welcomed.", {("RUS", "Request", "UKR", "asserted")}),
    ("Biden called for Israel to allow more aid into Gaza.", {("USA", "Request", "ISR", "asserted")}),
    ("Biden's call for Israel to allow more aid into Gaza went unheeded.", {("USA", "Request", "ISR", "asserted")}),
    ("The UN's call for sanctions on Myanmar went unheeded.", {("UN", "Request", "MMR", "asserted")}),
    ("Putin and Trump held a phone call.", {("RUS", "Consult", "USA", "asserted")}),
    # what one is reluctant or hesitates to do, or has no intention of doing, is not done
    ("Germany is reluctant to send troops to Lithuania.", {("DEU", "DeployTroops", "LTU", "negated")}),
    ("Germany hesitated to send troops to Lithuania.", {("DEU", "DeployTroops", "LTU", "negated")}),
    ("Germany has no intention of sending troops to Lithuania.", {("DEU", "DeployTroops", "LTU", "negated")}),
    # sharing intelligence or technology with a state cooperates with it (not a border or a photo)
    ("China shared intelligence with Pakistan.", {("CHN", "Cooperate", "PAK", "asserted")}),
    ("Britain and France share a border.", set()),
    # a harm warned of threatens whom it would fall on (a warning of a harm to no one named is a caution)
    ("China warned of retaliation against Taiwan.", {("CHN", "Threaten", "TWN", "asserted")}),
    ("China warned of a strong response to Taiwan's actions.", {("CHN", "Threaten", "TWN", "asserted")}),
    ("China warned of serious consequences.", set()),
    # "the move", "the decision" name the act told just before (not a reaction to it)
    ("The US sanctioned three Chinese firms. Beijing condemned the move.",
     {("USA", "Sanction", "CHN", "asserted"), ("CHN", "Accuse", "USA", "asserted")}),
    ("Israel struck Gaza. Egypt condemned the attack. Qatar criticised the move.",
     {("ISR", "Assault", "PSE", "asserted"), ("EGY", "Accuse", "ISR", "asserted"), ("QAT", "Accuse", "ISR", "asserted")}),
    # a place the NER ran into a time is a place ("at Kyiv overnight"); a missile launch named again is its firer's
    ("Russia launched missiles at Kyiv overnight.", {("RUS", "Assault", "UKR", "asserted")}),
    ("North Korea fired a ballistic missile into the sea. Japan condemned the missile launch.",
     {("PRK", "Mobilize", None, "asserted"), ("JPN", "Accuse", "PRK", "asserted")}),
    ("Japan condemned North Korea's missile launch.", {("JPN", "Accuse", "PRK", "asserted")}),
    # expanding ties cooperates as boosting them does; expanding sanctions still sanctions
    ("Russia and China expanded trade ties.", {("RUS", "Cooperate", "CHN", "asserted")}),
    ("The EU expanded sanctions on Iran.", {("EU", "Sanction", "IRN", "asserted")}),
    # vessels tied to an owner by a participle are the owner's; sinking a ship attacks whose it is
    ("India seized a tanker belonging to Pakistan.", {("IND", "Coerce", "PAK", "asserted")}),
    ("Ukraine sank a Russian warship.", {("UKR", "Assault", "RUS", "asserted")}),
    ("Russia violated Poland's airspace.", {("RUS", "Mobilize", "POL", "asserted")}),
    # calling someone is a phone call, whatever the parser makes of the name; a day is no phrase of "call on"
    ("Biden called Zelensky and Scholz on Tuesday.", {("USA", "Consult", "UKR", "asserted"), ("USA", "Consult", "DEU", "asserted")}),
    ("Biden called on Zelensky to resign.", {("USA", "Request", "UKR", "asserted")}),
    # what is said comes from whoever says it; a clause on "reports" with its own subject is no passive participle,
    # and a denial of the reports denies it (a fact's content stands)
    ("The Kremlin rejected the accusations from Kyiv.", {("RUS", "Reject", "UKR", "asserted")}),
    ("There were reports that Russia had attacked Kharkiv.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Russia denied reports that it had attacked Kharkiv.", {("RUS", "Assault", "UKR", "negated")}),
    ("Nothing can change the fact that Russia attacked Kharkiv.", {("RUS", "Assault", "UKR", "asserted")}),
    ("Sanctions imposed by the EU on Russia took effect.", {("EU", "Sanction", "RUS", "asserted")}),
    # passives: an event noun's passive light verb names its doers by its by-phrase (and whether a strike is labour's);
    # a by-phrase the parser hangs on a bare gerund is the passive's; those who attend a meeting meet
    ("The protest was organised by students in Dhaka.", {("BGD", "Protest", "BGD", "asserted")}),
    ("The strike was called by unions in Argentina.", {("ARG", "Protest", "ARG", "planned")}),
    ("Unions called a strike in Argentina.", {("ARG", "Protest", "ARG", "planned")}),
    ("Israel carried out a strike on Gaza.", {("ISR", "Assault", "PSE", "asserted")}),
    ("The opposition candidate was barred from running by the Kenyan electoral commission.",
     {("KEN", "Sanction", "KEN", "asserted")}),
    ("The meeting was attended by Putin and Xi.", {("RUS", "Consult", "CHN", "asserted")}),
    # a measure of goods is what it measures: doses of vaccine are aid
    ("China donated a million doses of vaccine to Brazil.", {("CHN", "Aid", "BRA", "asserted")}),
    ("Egypt sent 500 tonnes of food to Gaza.", {("EGY", "Aid", "PSE", "asserted")}),
    ("Whitehall criticised Ukraine.", {("GBR", "Accuse", "UKR", "asserted")}),  # a seat of government for its state
    # modality: what one hopes to do is weighed ("hopes" is no "hop"); what one stops short of, rules out plans for,
    # denies one would do, or does something instead of, is not done
    ("The US hopes to sanction Iran.", {("USA", "Sanction", "IRN", "considered")}),
    ("The US stopped short of sanctioning Iran.", {("USA", "Sanction", "IRN", "negated")}),
    ("China ruled out plans to attack Taiwan.", {("CHN", "Assault", "TWN", "negated")}),
    ("The US denied that it would attack Iran.", {("USA", "Assault", "IRN", "negated")}),
    ("Instead of imposing sanctions on Iran, the EU called for talks.", {("EU", "Sanction", "IRN", "negated"),
                                                                       ("EU", "Request", None, "asserted")}),
    # a headline-like sentence read as a noun phrase ("the US-hosted talks"): a hosting verb's object is its head noun
    ("The US hosted talks between Iran and Iraq.", {("USA", "Consult", "IRN", "asserted"), ("USA", "Consult", "IRQ", "asserted")}),
    ("Macron hosted Norway.", {("FRA", "Consult", "NOR", "asserted")}),
    # one made to do something by a verb that makes it happen does it
    ("Russia was forced to retreat from Ukraine.", {("RUS", "Retreat", "UKR", "asserted")}),
    # a party's own measure or bond, acted on by no one named, is its own to lift or sign
    ("Russia's ban on Ukrainian grain was lifted.", {("RUS", "Concede", "UKR", "asserted")}),
    ("Russia's agreement with Ukraine was signed on Monday.", {("RUS", "SignAgreement", "UKR", "asserted")}),
    ("Iranian sanctions were lifted.", set()),  # (a modifier may be whom the measure is on)
    # aid named with whose it is and whom it goes to is given; military aid arms
    ("US aid to Ukraine totalled 60 billion dollars.", {("USA", "Aid", "UKR", "asserted")}),
    ("US military aid to Ukraine arrived.", {("USA", "SupplyWeapons", "UKR", "asserted")}),
    ("The US cut aid to Ukraine.", {("USA", "Sanction", "UKR", "asserted")}),
    ("Algerian workers staged a general strike.", {("DZA", "Protest", "DZA", "asserted")}),
    # a plural pronoun refers to the group its clause's subject names
    ("The leaders of Turkey and Greece expressed their willingness to cooperate.",
     {("TUR", "Cooperate", "GRC", "planned")}),
    # those who visit a thing together do not meet each other by it; those who meet do
    ("Biden and Macron visited the front line.", set()),
    ("Biden and Macron visited the hospital.", {("USA", "Consult", "FRA", "asserted"), ("FRA", "Consult", "FRA", "asserted")}),
    # a second verb the parser hangs as a bare dependent shares the clause's subject
    ("Zelensky met Biden, then travelled to Ottawa to meet Trudeau.",
     {("UKR", "Consult", "USA", "asserted"), ("UKR", "Consult", "CAN", "asserted")}),
    # leaders whose surname alone names them in news
    ("Aliyev met the Norwegian king on Monday.", {("AZE", "Consult", "NOR", "asserted")}),
    ("Sandu criticised Russia.", {("MDA", "Accuse", "RUS", "asserted")}),
]


def _events(sentence: str) -> set[tuple]:
    corpus = extract([Document("t", sentence, DOC_DATE)])
    country = {e.key: e.country for e in corpus.entities}
    return {(country.get(e.actor), e.action, country.get(e.target) if e.target else None, e.modality) for e in corpus.events}


def _keyed(text: str) -> list[tuple]:
    """(actor, action, target) of a text's events by entity key, in their order: for rules the country level hides."""
    corpus = extract([Document("t", text, DOC_DATE)])
    return [(e.actor, e.action, e.target) for e in corpus.events]


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=[r[0][:48] for r in ROWS])
def test_rule_table(sentence: str, expected: set[tuple]) -> None:
    assert _events(sentence) == expected


# rules the country level hides, by entity key: (text, [(actor, action, target), ...] in the events' order)
KEYED_ROWS = [
    # -- an organisation's fighters are the organisation
    ("Taliban fighters attacked Afghan soldiers.", [("taliban", "Assault", "AFG-mil")]),
    # "its fighters": the organisation the possessive refers to, a plural name though it has ("Forces")
    ("The Rapid Support Forces said its fighters had attacked the Sudanese army.", [("rsf", "Assault", "SDN-mil")]),
    # -- a purpose names a target only through an act
    # the purpose's on-phrase is a topic when the purpose is no act, and an at-phrase is never whom one asks
    ("The Scottish National Party petitioned the court for a ruling on the suspension of the UK parliament at the "
     "request of Prime Minister Boris Johnson.", [("gbr-snp", "Request", "GBR-jud")]),
    # an act's own phrase still names whom the act asked for falls on
    ("Hamas called for an attack on Israel.", [("hamas", "Request", "ISR")]),
    # -- nationals who protest are the people
    # a nation's people named by their demonym who protest are its people, not its state
    ("Israelis protested against the government.", [("ISR-ppl", "Protest", "ISR-gov")]),
    ("Armenians marched to the Turkish embassy.", [("ARM-ppl", "Protest", "TUR-gov")]),
    # (a demonym in its country's sense elsewhere: "the Russians attacked" is the state at war)
    ("The Russians attacked Kyiv.", [("RUS", "Assault", "UKR")]),
    # -- a country's clergy named alone are of the country the text is about
    ("Mozambique is in crisis. The Catholic bishops urged the government to investigate the killings.",
     [("MOZ-rel", "Request", "MOZ-gov")]),
    # (a faith's people are of no one state: Muslims named alone stay unresolved)
    ("Mozambique is in crisis. Muslims urged the government to investigate the killings.", []),
    # -- what a causer has done to someone is the causer's act
    # a causer's small clause of a participle is done to its subject, by the causer
    ("Putin had Navalny arrested.", [("vladimir-putin", "Coerce", "alexei-navalny")]),
    ("Philippine Vice President Sara Duterte threatened to have President Marcos killed.",
     [("sara-duterte-64bc27", "Threaten", "ferdinand-marcos-jr")]),
    # an order of the act is the act, as "ordered his release" is; the one freed is not the one ordered
    ("The judge ordered Navalny released.", [("RUS-jud", "Retreat", "alexei-navalny")]),
    # (a perfect, or a question's inverted auxiliary, is no causer)
    ("Russia has arrested Navalny.", [("RUS", "Coerce", "alexei-navalny")]),
    # -- a former office holder is of the elites
    # a former office holder is no longer the organ: the government acting on one acts on its elites
    ("The Kenyan government arrested a former minister.", [("KEN-gov", "Coerce", "KEN-eli")]),
    ("The Kenyan government arrested a minister.", []),  # (an organ acting on itself tells no event between two)
    # -- premises named by their agent stand for it
    # a building or a camp named by its agent stands for the agent, placed where the phrase says
    ("Kenya is in crisis. Gunmen attacked a police station in northern Nigeria.", [("NGA-uaf", "Assault", "NGA-cop")]),
    ("Kenya is in crisis. Rebels attacked an army base.", [("KEN-reb", "Assault", "KEN-mil")]),
    ("Kenya is in crisis. Gunmen attacked a television station.", [("KEN-uaf", "Assault", "KEN-med")]),
    # -- a group named for an agent is not always the agent
    # a group for or against an agent is not the agent; what an object is described as is no agent of its own
    ("Yemen is host to an anti-Houthi, pro-government coalition fighting the Houthis.", []),
    ("South Korean officials described North Korea as a criminal group forcing its youth into mercenary roles.",
     [("KOR-gov", "Accuse", "PRK")]),
    # -- a group its compound names is that group, not what its of-phrase says ("of corruption")
    ("Kenya is in crisis. Police accused student groups of corruption.", [("KEN-cop", "Accuse", "KEN-edu")]),
    # -- an organ of the country referred to is that country's
    # "the country's" refers back to a country: the organ it owns is that country's (its sentence's main subject first)
    ("Kenya is in crisis. Police arrested the country's top judge.", [("KEN-cop", "Coerce", "KEN-jud")]),
    ("Russia shelled Kharkiv, and the country's army advanced on Kupiansk.",
     [("RUS", "Assault", "UKR"), ("RUS-mil", "Assault", "UKR")]),
    # -- a known surname after a title the NER missed is the office holder
    # (the NER saw no name in "President Castillo"; the gazetteer knows one Castillo, Peru's)
    ("The Peruvian congress removed President Castillo from office.", [("PER-leg", "Sanction", "pedro-castillo")]),
]


@pytest.mark.parametrize(("text", "expected"), KEYED_ROWS, ids=[r[0][:48] for r in KEYED_ROWS])
def test_keyed_rule_table(text: str, expected: list[tuple]) -> None:
    assert _keyed(text) == expected


def test_a_crowd_of_a_nation_s_people_is_its_people_not_its_state() -> None:
    # a state's protest would be a diplomatic complaint (Accuse); a crowd's is a protest
    text = "Tens of thousands of Georgians took to the streets to protest against the government's decision."
    assert _keyed(text) == [("GEO-ppl", "Protest", "GEO-gov")]


def test_a_protest_against_an_act_is_against_its_doer_not_whom_it_hit() -> None:
    text = "Thousands of Americans protested the killing of George Floyd by Minneapolis police."
    assert _keyed(text) == [("USA-ppl", "Protest", "USA-cop")]


def test_a_person_s_possessive_on_an_event_is_the_person() -> None:
    # "his support" is the person's, as "West's support" is, not his country's
    text = "Kanye West ran for president. He said his support for Donald Trump was over."
    assert _keyed(text) == [("kanye-west-423ad3", "Support", "donald-trump")]


@pytest.mark.parametrize(("text", "expected"), [
    # "he" and "she" refer to no one the text shows to be of the other gender: by a title before the name ...
    ("Queen Elizabeth hosted Emmanuel Macron in London. He praised her.",
     {("queen-elizabeth-ii", "Consult", "emmanuel-macron", "asserted"),
      ("emmanuel-macron", "Support", "queen-elizabeth-ii", "asserted")}),
    # ... or by a pronoun with no one else to refer to ("she would visit": Merkel)
    ("Angela Merkel said she would visit Kyiv. Vladimir Putin met Merkel in Sochi on Friday, where he criticised her.",
     {("angela-merkel", "Consult", "UKR", "planned"), ("vladimir-putin", "Consult", "angela-merkel", "asserted"),
      ("vladimir-putin", "Accuse", "angela-merkel", "asserted")}),
    # ("Sheikh" is no man's title only: Sheikh Hasina is a woman)
    ("Sheikh Hasina met Narendra Modi in Delhi. She praised him.",
     {("sheikh-hasina", "Consult", "narendra-modi", "asserted"), ("sheikh-hasina", "Support", "narendra-modi", "asserted")}),
    # an object pronoun is not whoever its clause's subject is, a pronoun or a name ("himself" would be)
    ("Yoon Suk Yeol said he would meet Kishida. Kishida praised him.",
     {("yoon-suk-yeol", "Consult", "fumio-kishida", "planned"), ("fumio-kishida", "Support", "yoon-suk-yeol", "asserted")}),
    ("Imran Khan met Joe Biden in Washington. He praised him.",
     {("imran-khan", "Consult", "joe-biden", "asserted"), ("imran-khan", "Support", "joe-biden", "asserted")}),
    # an office named by its role is a person "her" refers to ...
    ("Belarus's opposition leader fled to Lithuania. Minsk accused her of treason.",
     {("BLR", "Accuse", "BLR-opp", "asserted")}),
    # ... but not a role that describes a name before it: "he" is Johnson, not his office
    ("The Queen suspended parliament at the request of Boris Johnson, the prime minister. He criticised the EU.",
     {("boris-johnson", "Accuse", "EU", "asserted")}),
    # a participle with no subject of its own has its head's: "he" is Maduro, not Lula
    ("Maduro rejected Lula's proposal, saying he would never meet Edmundo González.",
     {("nicolas-maduro", "Reject", "lula-da-silva", "asserted"), ("nicolas-maduro", "Consult", "edmundo-gonzalez", "negated")}),
    # "the two sides" are never the subjects of their own clause, who host them
    ("Sudan's army and the Rapid Support Forces fought in Omdurman. Kenya and Ethiopia hosted talks between the two sides.",
     {("SDN-mil", "Assault", "rsf", "asserted"), ("rsf", "Assault", "SDN-mil", "asserted"),
      ("KEN", "Consult", "SDN-mil", "asserted"), ("KEN", "Consult", "rsf", "asserted"),
      ("ETH", "Consult", "SDN-mil", "asserted"), ("ETH", "Consult", "rsf", "asserted")}),
])
def test_pronouns_agree_with_what_the_text_shows(text: str, expected: set[tuple]) -> None:
    corpus = extract([Document("t", text, DOC_DATE)])
    assert {(e.actor, e.action, e.target, e.modality) for e in corpus.events} == expected


@pytest.mark.parametrize("text", ["Russia launched dozens of attacks on Ukrainian cities.",
                                  "Hezbollah fired a barrage of rockets at northern Israel."])
def test_a_count_of_acts_is_one_event_not_one_per_word(text: str) -> None:
    # the light verb and the noun counted tell the same act: "launched dozens of attacks" once, not twice
    corpus = extract([Document("t", text, DOC_DATE)])
    assert [e.action for e in corpus.events] == ["Assault"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Zimbabwe's main opposition party said police had arrested its leader.", [("ZWE-cop", "Coerce", "ZWE-opp")]),
    ("Hamas said its leader had been killed by Israel.", [("ISR", "Assault", "hamas")]),
    ("Sri Lankan police arrested the leader of a student union.", [("LKA-cop", "Coerce", "LKA-lab")]),
    # a person's possessive pronoun on what is acted on is the person, as a named possessive is: overturning "his
    # decree" rejects him; calling on "his supporters" asks his own camp, no one else
    ("Macky Sall tried to postpone the vote, but the Constitutional Council overturned his decree.",
     [("SEN-constitutional-council", "Reject", "macky-sall")]),
    ("Kenya's opposition leader Raila Odinga called on his supporters to stay home.", []),
    # an order named again, by any word of its class, is its giver's: defying it rejects them
    ("A Kenyan court ordered the government to release the activist. The government defied the injunction.",
     [("KEN-gov", "Reject", "KEN-jud"), ("KEN-gov", "Retreat", "KEN-opp"), ("KEN-jud", "Request", "KEN-gov")]),
    # an investigation is no charge named again: only an act of a type is named by its type's class
    ("The European Union urged the authorities in Georgia to investigate the irregularities. Prime Minister Irakli "
     "Kobakhidze dismissed the criticism.", [("EU", "Request", "GEO-gov")]),
    # officials named with another agent's word are that body's, not the government's
    ("Argentina's president accused university officials of corruption.", [("ARG-gov", "Accuse", "ARG-edu")]),
    # (not a title, nor a regulator: their word before is no body they work for)
    ("Kenya's parliament impeached the deputy president.", [("KEN-leg", "Accuse", "KEN-gov")]),
    ("Hungary's media authority revoked the licence of an independent radio station.", [("HUN-gov", "Coerce", "HUN")]),
    # with whom it is done to named, "at" says where: the court is no one arrested
    ("Zimbabwean police arrested the opposition leader at a court in Harare.", [("ZWE-cop", "Coerce", "ZWE-opp")]),
    # a pronoun subject of the second of two reported clauses is the speaker, as of the first
    ("Sudan's army fought the Rapid Support Forces (RSF) in Khartoum. The RSF said its fighters held the area and "
     "that it had killed dozens of soldiers.", [("SDN-mil", "Assault", "rsf"), ("rsf", "Assault", "SDN-mil")]),
])
def test_an_organisation_s_leader_is_the_organisation(sentence: str, expected: list[tuple]) -> None:
    assert _keyed(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a headline drops the passive's auxiliary: the subject of a verb that always takes an object is its patient
    ("Opposition leader jailed for five years in Belarus", [("BLR-jud", "Coerce", "BLR-opp")]),
    ("Three Chinese nationals deported from Kenya", [("KEN-gov", "Coerce", "CHN")]),
    ("Five killed, dozens arrested in Nairobi protests", [("KEN-cop", "Coerce", "KEN"), ("KEN-ppl", "Protest", "KEN")]),
    ("South Korea's president impeached over martial law decree", [("KOR-leg", "Accuse", "KOR-gov")]),
    # (not a verb that can stand alone, nor one with its object)
    ("Protesters rallied in Nairobi", [("KEN-opp", "Protest", "KEN")]),
    ("Kenyan police arrested dozens of protesters", [("KEN-cop", "Coerce", "KEN-opp")]),
])
def test_a_headline_passive_is_done_to_its_subject(sentence: str, expected: list[tuple]) -> None:
    corpus = extract([Document("t", sentence, DOC_DATE)])
    assert sorted((e.actor, e.action, e.target) for e in corpus.events) == sorted(expected)


def test_a_participle_s_accusation_is_its_clause_subject_s_and_done() -> None:
    """ "she would not leave office, accusing the ruling party of rigging": an office holder is "she", and the
    participle's act is not negated by its head's "not"."""
    corpus = extract([Document("t", "Georgia's president said she would not leave office, accusing the ruling "
                                    "Georgian Dream party of rigging the election.", DOC_DATE)])
    party = next(e.key for e in corpus.entities if e.label.startswith("Georgian Dream"))
    assert [(e.actor, e.action, e.target) for e in corpus.events] == [("GEO-gov", "Accuse", party)]
    assert corpus.events[0].modality != "negated"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Venezuelan security forces detained the opposition figure Freddy Superlano.",
     [("VEN-cop", "Coerce", "freddy-superlano-2d9ab1")]),
    ("Brazil's president Lula said he would not recognise the result of the Venezuelan election.",
     [("lula-da-silva", "Reject", "VEN"), ("lula-da-silva", "Support", "VEN")]),
])
def test_a_person_named_beside_an_organ_or_a_camp_is_who_is_meant(sentence: str, expected: list[tuple]) -> None:
    assert _keyed(sentence) == expected


def test_a_crowd_the_parser_hangs_on_a_place_is_still_whom_the_police_disperse() -> None:
    """The small model reads "a crowd outside parliament" as a parliament that is outside, modified by the crowd."""
    text = "Riot police in Harare used batons to disperse a crowd outside parliament."
    assert _keyed(text) == [("ZWE-cop", "Coerce", "ZWE")]


def test_a_building_acted_on_is_the_body_whose_offices_it_is() -> None:
    text = "Police raided offices of the AfD in Saxony."
    assert _keyed(text) == [("DEU-cop", "Assault", "afd")]


def test_a_person_s_camp_is_the_person_not_the_country() -> None:
    text = "Supporters of Alexei Navalny rallied in Moscow."
    assert _keyed(text) == [("alexei-navalny", "Protest", "RUS")]


@pytest.mark.parametrize(("sentence", "asks"), [
    ("The EU called for a ceasefire in Gaza.", True),
    ("The EU called on Russia to withdraw its troops.", True),
    ("Biden called Putin on Friday.", False),  # a time is no one asked
    ("The Associated Press called the election for Biden.", False),  # with a direct object it names, not asks
])
def test_a_verb_of_asking_asks_only_through_its_prepositions_and_without_an_object(nlp, sentence: str, asks: bool) -> None:
    from kg.events.frames import _asks
    from kg.rules import load_rules

    verb = next(t for t in nlp(sentence) if t.lemma_ == "call")
    assert _asks(verb, "call", load_rules()) is asks


def test_a_finite_clause_has_its_own_subject_though_the_parser_hangs_it_on_the_conjunction() -> None:
    """The parser reads "after Theresa May" as a preposition with its object: the one who stepped down is May."""
    text = ("Johnson became party leader and prime minister after Theresa May stepped down on July 24 after she "
            "failed to win support for her Brexit deal.")
    corpus = extract([Document("t", text, DOC_DATE)])
    assert [(e.actor, e.action) for e in corpus.events] == [("theresa-may", "Retreat")]


def test_a_sports_phrase_deep_in_a_long_text_discards_only_its_sentence() -> None:
    filler = "Delegates met in Geneva on Monday. " * 60
    text = "Russia invaded Ukraine. " + filler + "Brazil defeated Argentina in the World Cup semi-final."
    corpus = extract([Document("t", text, DOC_DATE)])
    country = {e.key: e.country for e in corpus.entities}
    assert {(country[e.actor], country[e.target]) for e in corpus.events} == {("RUS", "UKR")}
    # in the lead, the same phrase makes the whole text a sports story
    assert not extract([Document("t", "Brazil defeated Argentina in the World Cup semi-final. " + text, DOC_DATE)]).events


def test_an_office_sought_is_no_one_acted_on() -> None:
    """ "endorsed Biden for president": the presidency is what Biden seeks, not a second target."""
    corpus = extract([Document("t", "Elizabeth Warren endorsed Joe Biden for president.", DOC_DATE)])
    label = {e.key: e.label for e in corpus.entities}
    assert [(label[e.actor], e.action, label[e.target]) for e in corpus.events] == [
        ("Elizabeth Warren", "Support", "Joe Biden")]


def test_event_date_is_the_event_s_not_the_report_s() -> None:
    corpus = extract([Document("t", "Officials said on Thursday that Russia invaded Ukraine in 2022.", DOC_DATE)])
    assert [(e.action, e.date, e.date_text) for e in corpus.events] == [("Assault", "2022", "in 2022")]


def test_quantity_attaches_to_the_theme() -> None:
    corpus = extract([Document("t", "Up to 12,000 North Korean troops were sent to Russia.", DOC_DATE)])
    assert [(e.action, e.quantity) for e in corpus.events] == [("DeployTroops", 12000)]


@pytest.mark.parametrize(
    ("sentence", "action", "quantity"),
    [
        ("Washington sent $1 billion in military aid to Kyiv.", "SupplyWeapons", 1_000_000_000),
        ("Germany sent 500 million euros of aid to Ukraine.", "Aid", 500_000_000),
        ("North Korea has supplied 8 million shells to Russia.", "SupplyWeapons", 8_000_000),
        ("Thousands of North Korean troops have been sent to Russia.", "DeployTroops", None),
    ],
)
def test_quantities_of_money_and_matériel(sentence: str, action: str, quantity: int | None) -> None:
    corpus = extract([Document("t", sentence, DOC_DATE)])
    assert [(e.action, e.quantity) for e in corpus.events] == [(action, quantity)]


def test_attribution_is_recorded_on_the_evidence() -> None:
    corpus = extract([Document("t", "Russia attacked Kyiv on Monday, Reuters reported.", DOC_DATE)])
    (event,) = corpus.events
    (evidence,) = event.evidence
    assert event.actor == "RUS" and evidence.attributed_to is not None
    assert corpus.by_key[evidence.attributed_to].label == "Reuters"
    assert event.date == "2024-11-11"


@pytest.mark.parametrize("verb", ["said", "tweeted", "testified"])
def test_a_reporting_verb_makes_its_subject_the_source(verb: str) -> None:
    corpus = extract([Document("t", f"Lindsey Graham {verb} that Iran had attacked Israel.", DOC_DATE)])
    (event,) = corpus.events
    assert (event.actor, event.target) == ("IRN", "ISR")
    assert corpus.by_key[event.evidence[0].attributed_to].label == "Lindsey Graham"


@pytest.mark.parametrize(
    ("sentence", "charged", "source"),
    [
        ("Ukraine accused Russia of shelling Kharkiv.", ("RUS", "Assault", "UKR"), "UKR"),
        ("France condemned Russia for attacking Ukraine.", ("RUS", "Assault", "UKR"), "FRA"),
        ("Russia was accused by Ukraine of shelling Kharkiv.", ("RUS", "Assault", "UKR"), "UKR"),
    ],
)
def test_an_act_someone_is_charged_with_is_the_accuser_s_claim(sentence: str, charged: tuple, source: str | None) -> None:
    corpus = extract([Document("t", sentence, DOC_DATE)])
    (event,) = [e for e in corpus.events if (e.actor, e.action, e.target) == charged]
    assert event.evidence[0].attributed_to == source
    # the accusation itself is the narrator's report
    assert all(e.evidence[0].attributed_to is None for e in corpus.events if e.action == "Accuse")

def test_brokering_an_agreement_is_a_rule_of_its_own_not_only_the_dictionary_s() -> None:
    text = "The White House announced a deal it brokered to normalize relations between Sudan and Israel."
    corpus = extract([Document("t", text, DOC_DATE)], lexicon=False)
    assert {(e.actor, e.action, e.target) for e in corpus.events if e.action == "Consult"} == {
        ("USA", "Consult", "SDN"), ("USA", "Consult", "ISR")}


