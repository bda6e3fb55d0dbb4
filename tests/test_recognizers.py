"""Table-driven tests of each recognizer, span trimming and truecasing, as Presidio's own
tests are written: an input, and the spans expected from it."""
import pytest

from deid import entity as ent
from deid import recognizers as R
from deid.address import AddressRecognizer
from deid.truecase import is_uncased, truecase


def found(recognizer, text):
    return [text[r.start:r.end] for r in recognizer.analyze(text, recognizer.supported_entities)]


CASES = [
    # recognizer, text, spans it must find (a span of [] means: nothing)
    (R.TitledPersonRecognizer, "Then Dr. Baker said no.", ["Dr. Baker"]),
    (R.TitledPersonRecognizer, "Ask Dean Carter about it", ["Dean Carter"]),
    (R.TitledPersonRecognizer, "with Dr. Celeste Banks today", ["Dr. Celeste Banks"]),
    (R.TitledPersonRecognizer, "the doctor said so", []),
    (R.TitledPersonRecognizer, "Cllr. Davies has written to the team", ["Cllr. Davies"]),
    (R.TitledPersonRecognizer, "agreed with Lady Justice Pemberton", ["Justice Pemberton"]),
    (R.TitledPersonRecognizer, "Members: Mrs J Hollis and Mr A Brook", ["Mrs J Hollis", "Mr A Brook"]),
    (R.TitledPersonRecognizer, "a resident, Mrs P, fell; Mr D. agreed. Dr I think so", ["P", "D"]),
    (R.NameContextRecognizer, "so my sister Faith came over", ["Faith"]),
    (R.NameContextRecognizer, "there was a nurse named Rose Kelly there", ["Rose Kelly"]),
    (R.NameContextRecognizer, "Hi, this is Summer.", ["Summer"]),
    (R.NameContextRecognizer, "my sister was there", []),
    (R.NameContextRecognizer, "We call him Peanut, his mama started it.", ["Peanut"]),
    (R.NameContextRecognizer, "Hope. My son's Will, he's Year 3.", ["Will"]),
    (R.NameContextRecognizer, "we call her Mum really", []),
    (R.NameContextRecognizer, "a thing known as Income Support", []),
    (R.NameListRecognizer, "I've got Jack in Year 2 and Dawn's just started Reception.", ["Dawn"]),
    (R.NameListRecognizer, "We sat in the summer sun and Rose said hello.", ["Rose"]),
    (R.NameListRecognizer, "It was a long Summer.", []),
    # "I" after a first name is the pronoun, no initial
    (R.NameListRecognizer, "Every year before Ramadan I do a talk, and Aziz I. Khan comes", ["Ramadan", "Aziz I. Khan"]),
    (R.NameListRecognizer, "Honestly, last Summer was hard, and then Summer's gone.", []),
    (AddressRecognizer, "I live at 742 Evergreen Terrace, Springfield, IL 62704 now",
     ["742 Evergreen Terrace, Springfield, IL 62704"]),
    (AddressRecognizer, "Send it to Via Roma 131 please", ["Via Roma 131"]),
    # a phone number after "sent to" is no address, nor the word after its full stop
    (AddressRecognizer, "Client did not attend. Text sent to 07700 900418. Left voicemail.", []),
    (AddressRecognizer, "Letter sent to 14 Harrow Road. Reply awaited.", ["14 Harrow Road."]),
    # a table's cells after "address" are no address: "| RO | 15/05/24 |" (final20)
    (AddressRecognizer, "| Police checks; contact Leicestershire Police re current address | RO | 15/05/24 |", []),
    (AddressRecognizer, "Our office: 4410 N. 72nd Street, Omaha, NE 68134.", ["4410 N. 72nd Street, Omaha, NE 68134"]),
    (AddressRecognizer, "the diner at 221 W 45th St was busy", ["221 W 45th St"]),
    (AddressRecognizer, "she lives at forty Birch Street by the river", ["forty Birch Street"]),
    (AddressRecognizer, "the farm on County Road 14", ["County Road 14"]),
    (AddressRecognizer, "because route twelve was gone like the road", ["route twelve"]),
    (AddressRecognizer, "the route one takes to work", []),
    (AddressRecognizer, "write to PO Box 123", ["PO Box 123"]),
    (AddressRecognizer, "Ilmalankuja 82\n00240 Helsinki\nFinland", ["Ilmalankuja 82\n00240 Helsinki\nFinland"]),
    (AddressRecognizer, "we had 3 patients and 12 beds", []),
    # a British postcode whole, and nothing of the next line after it
    # a country and its postcode a blank line below: a paragraph, and so a mention, of its own
    (AddressRecognizer, "20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488\n\nThanks",
     ["20789 Allika 46\n Suite 501\n Riisa", "Estonia 62488"]),
    (AddressRecognizer, "20789 Allika 46\n\nBoxes 12345", ["20789 Allika 46"]),
    (AddressRecognizer, "Address: 22 Oak Street\n\nGeorgia 1996\n", ["22 Oak Street"]),   # a year
    (AddressRecognizer, "Flat 3, 27 Holbeach Road\n0121 496 0733\n", ["Flat 3, 27 Holbeach Road"]),   # a phone line
    (AddressRecognizer, "Registered office: 212 Dalmuir Street, Govan, Glasgow G51 3RT\nRegistered Society no. 4",
     ["212 Dalmuir Street, Govan, Glasgow G51 3RT"]),
    (AddressRecognizer, "write to 14 Crown Street, London SW1A 1AA\nUnited Kingdom\nThanks",
     ["14 Crown Street, London SW1A 1AA\nUnited Kingdom"]),
    (AddressRecognizer, "the blocks (1–63 Ferryden Court, G51 4BN) and Flat 3/2, 41 Ferryden Court",
     ["1–63 Ferryden Court, G51 4BN", "Flat 3/2, 41 Ferryden Court"]),
    (R.IdentifierNumberRecognizer, "call +44 20 7946 0958 today", ["+44 20 7946 0958"]),
    (R.IdentifierNumberRecognizer, "licence AB1234567 expired", ["AB1234567"]),
    (R.IdentifierNumberRecognizer, "the year 2019 was hard", []),
    (R.IdentifierNumberRecognizer, "Date: Tue, 5 Mar 2024 16:02:11 +0000", []),
    (R.ReferenceNumberRecognizer, "hospital number RTW 4418203, on Ward 22", ["RTW 4418203"]),
    (R.ReferenceNumberRecognizer, "Housing Regulator, no. HAL 142\n\nMinutes", ["HAL 142"]),
    (R.ReferenceNumberRecognizer, "armed robbery, case was 2021CF002286. And", ["2021CF002286"]),
    (R.ReferenceNumberRecognizer, "(lot 3, contract ref. SPAN/22/L3/0117).", ["SPAN/22/L3/0117"]),
    (R.ReferenceNumberRecognizer, "the meeting on 12/03/2021 agreed it, no. 3 in the list", []),
    (R.ReferenceNumberRecognizer, "DISTRICT OF ILLINOIS )  Case No. 1:23-cv-04187\n", ["1:23-cv-04187"]),
    (R.ReferenceNumberRecognizer, "in re 2:19-cr-00211-JMF, the", ["2:19-cr-00211-JMF"]),
    (R.ReferenceNumberRecognizer, "at 10:30-am-ish we met", []),
    (R.IdentifierNumberRecognizer, "Attendees\n+91 94*** **508, Anjali Menon", ["+91 94*** **508"]),
    (R.ReferenceNumberRecognizer, "Practice Supervisor (NMC PIN 91H0412E)", ["91H0412E"]),
    (R.SpokenContactRecognizer, "they all had it my check number was four one seven i still have", ["four one seven"]),
    (R.SpokenContactRecognizer, "the hospital llanelwern two three seven that was the number funny", ["two three seven"]),
    (R.SpokenContactRecognizer, "the number was one or two at most", []),
    (R.ReferenceNumberRecognizer, "Health referral made (OH ref 55/2031). HM", ["55/2031"]),
    (R.ReferenceNumberRecognizer, "the review (ref 11/2031) is due", []),
    (R.ReferenceNumberRecognizer, "The appellant's phone (number ending 4471) was seized", ["4471"]),
    (R.ReferenceNumberRecognizer, "Attending officers PC 4471 Dunmore and PC 5092 Akhtar", ["4471", "5092"]),
    # a collar or badge number in brackets after the officer's name (not a year, not a page)
    (R.ReferenceNumberRecognizer, "Police liaison: PC Gemma Rowbotham (4471) coming 14:00", ["4471"]),
    # the digits after "#", without it: one number however it is written
    (R.ReferenceNumberRecognizer, "Intake # 81947732. Priority 2; ticket #11802", ["81947732", "11802"]),
    # a register's number after its name, "code" or "'s" between; a prisoner's number
    (R.ReferenceNumberRecognizer, "My GPhC number is 2087415, and our ODS code's FQ417.", ["2087415", "FQ417"]),
    (R.ReferenceNumberRecognizer, "P1 Darnell Hutchins, A614-229, Dogwood Unit; DOC #A588-017", ["A614-229", "A588-017"]),
    (R.ReferenceNumberRecognizer, "ICD code F32.1 and the Covid-19 unit, M1-04, B12 1000", []),
    (R.ReferenceNumberRecognizer, "He flies the B737-800; there's a doc 24/7 and inmate 1-2-1 sessions", []),
    (R.ReferenceNumberRecognizer, "CO Ramirez (#2217) and Officer Diaz (905) came", ["2217", "905"]),
    (R.ReferenceNumberRecognizer, "Dr Gemma Rowbotham (2019) and Prof. Lee (p. 212) wrote", []),
    (R.ReferenceNumberRecognizer, "the club lost its council grant 2019; grant 44120 came", ["44120"]),
    (R.ReferenceNumberRecognizer, "West Midlands Police. Log 2217 of 09/02/2024", ["2217"]),
    (R.ReferenceNumberRecognizer, "case 2019-CV-0412 and the file 2020-FAM-118", ["2019-CV-0412", "2020-FAM-118"]),
    (R.ReferenceNumberRecognizer, "My study number is 55123 and the grant was 5000 pounds", ["55123"]),
    (R.ReferenceNumberRecognizer, "Company no. 09187342 · VAT no. GB 219 4471 08", ["09187342", "GB 219 4471 08"]),
    (R.ReferenceNumberRecognizer, "application no. 41234/98 and ref 23/NE/0147; BP 148/86, HR 78", ["41234/98", "23/NE/0147"]),
    (R.ReferenceNumberRecognizer, "EF 35% per echo 1/2024, seen 12/2023", []),
    (R.ReferenceNumberRecognizer, '"participant_id": "CD-117-004", and RJ-55102-B; not COVID-19', ["CD-117-004", "RJ-55102-B"]),
    (R.ReferenceNumberRecognizer, "paid with the card ending in 8826 and her phone was off", ["8826"]),
    (R.ReferenceNumberRecognizer, "I got the license, RN-31977, and my member number, 40218, from when I was ten; "
     "respondent LHS-0233, FY-2023 and form A-1000", ["RN-31977", "40218"]),
    (R.ReferenceNumberRecognizer, "Lorry reg. given for yard parking: 171-MO-4418. Not ISO-9001 or COVID-19 or 12-10-2023",
     ["171-MO-4418"]),
    (R.SocialHandleRecognizer, "follow @tomreyes_sp on there", ["@tomreyes_sp"]),
    (R.SocialHandleRecognizer, "mail me at tom@example.com", []),
    (R.PostcodeRecognizer, "Old Dover Road | Canterbury CT2 7QE", ["Canterbury", "CT2 7QE"]),
    (R.PostcodeRecognizer, "4410 N. 72nd Street, Omaha, NE 68134", ["Omaha", "68134"]),
    (R.PostcodeRecognizer, "Hamilton, ON L8N 3Z5", ["Hamilton", "L8N 3Z5"]),
    (R.PostcodeRecognizer, "we saw 68134 people in NE England", []),
    (R.SpokenContactRecognizer, "it's um k dot brierley at st bedes rochdale dot sch dot uk or ring",
     ["k dot brierley at st bedes rochdale dot sch dot uk"]),
    (R.SpokenContactRecognizer, "or my email is dougiewatt58 at hotmail dot com but i", ["dougiewatt58 at hotmail dot com"]),
    (R.SpokenContactRecognizer, "we met at the park dot then went home", []),
    (R.InstitutionRecognizer, "I locum at Girlington Pharmacy for Mr Chaudhry when he's short",
     ["Girlington Pharmacy"]),
    (R.InstitutionRecognizer, "I trained at Truman Medical Center.", ["Truman Medical Center"]),
    (R.InstitutionRecognizer, "then the University of Kansas", ["University of Kansas"]),
    (R.InstitutionRecognizer, "born at St. Luke's Hospital", ["St. Luke's Hospital"]),
    (R.InstitutionRecognizer, "the Amalgamated Transport and Logistics Union said", ["Amalgamated Transport and Logistics Union"]),
    (R.InstitutionRecognizer, "I drove for Kestrel Freight then", ["Kestrel Freight"]),
    (R.InstitutionRecognizer, "at the Tolaga Bay Inn, then Lone Star Legal Aid", ["Tolaga Bay Inn", "Lone Star Legal Aid"]),
    (R.InstitutionRecognizer, "in the choir at Our Lady of Good Counsel.", ["Our Lady of Good Counsel"]),
    (R.InstitutionRecognizer, "it was in the Barnsley Chronicle", ["Barnsley Chronicle"]),
    (R.NameListRecognizer, "and Ingrid J Svensson came", ["Ingrid J Svensson"]),
    (R.NameListRecognizer, "a Will to live, the Rose garden", []),
    # a surname nobody uses as a word, and the surname after a particle
    (R.NameListRecognizer, "Lara Pottinger\n\nAnna ten Pas will talk", ["Lara Pottinger", "Anna ten Pas"]),
    (R.NameListRecognizer, "when Lara Said no", ["Lara"]),
    # a first name that is an everyday word, before a surname that is none
    (R.NameListRecognizer, "Then Grace Beaumont came; Will Power and Grace Church", ["Grace Beaumont"]),
    (lambda: R.NameListRecognizer(lower=True), "we went with grace beaumont, not hope street or will smith",
     ["grace beaumont"]),
    (lambda: R.NameListRecognizer(lower=True), "then switched to oral co-amoxiclav on day 4", []),
    (lambda: R.NameListRecognizer(lower=True), "rose petals, pat downs, bill payers and ruby slippers", []),
    (R.NameListRecognizer, "Kind regards\nConsolata Wambui RMN\nRegistered Manager", ["Consolata Wambui"]),
    (R.NameListRecognizer, "Date: Sat, 5 Mar 2024", []),
    (R.NameListRecognizer, "the Calderby Voices Oral History Project; Oral Roberts", ["Oral Roberts"]),
    (lambda: R.NameListRecognizer(lower=True), "then aksel kristensen called", ["aksel kristensen"]),
    (R.OfflineEmailRecognizer, "write helen.marsh@feinberg.edu", ["helen.marsh@feinberg.edu"]),
    # an ending the public-suffix snapshot does not know is an address still
    (R.OfflineEmailRecognizer, "email if anyone needs p.nkosi@khanyisa.example", ["p.nkosi@khanyisa.example"]),
    (R.OfflineEmailRecognizer, "send it to k.bell@records.trust.local please", ["k.bell@records.trust.local"]),
    (R.OfflineEmailRecognizer, "version v2@3.14 of it", []),
    (R.OfflineEmailRecognizer, "the image logo@2x.png is blurred", []),
    # a title of another language
    (R.TitledPersonRecognizer, "with Pani Ola and Ông Tiến", ["Pani Ola", "Ông Tiến"]),
    # a number plate, what is said between a cue and its number; a user name without its @
    (R.ReferenceNumberRecognizer, "The registration is CN17 LKW. It began CU68.", ["CN17 LKW"]),
    (R.ReferenceNumberRecognizer, "the registration began CU68. Plate AB12CDE", ["CU68", "AB12CDE"]),
    # a nickname in quotes after "call him", "known as", in a statement's capitals too (not a kin term)
    (R.NameContextRecognizer, 'people call him "Tiny". Male known as "TINY" is; we call her "Mum"; a programme '
     'known as "Prevent"', ["Tiny", "TINY"]),
    # Korean names in Hangul before a title or a copula, a surname alone before a title (not "this
    # teacher", "our pastor", God); churches, schools and a congregation's groups by their ends
    (R.KoreanNameRecognizer, "제 이름은 정창수입니다. 김영자 권사, 최 집사님, 최목사님, 이 선생님, 우리 목사님, 하나님이라고",
     ["정창수", "김영자", "최", "최"]),
    (R.KoreanNameRecognizer, "저는 한국인입니다. 이민자예요. 유치부 선생님이었고, 구역장 권사님, 이목사님이 오셨어요", ["이"]),
    (R.KoreanBodyRecognizer, "새롬장로교회 and 부산 한빛교회에서, 장로교회, 한국학교, 새빛한국학교는, 갈렙 청년부, 남선교회, 신학교",
     ["새롬장로교회", "한빛교회", "새빛한국학교", "갈렙 청년부"]),
    # a plate after the car it is on; a police reference with spaces round its slashes (not a date)
    (R.ReferenceNumberRecognizer, "silver Skoda Octavia MX68 KXE. Postcode TS15 9ZX", ["MX68 KXE"]),
    (R.ReferenceNumberRecognizer, "URN:  20 / HH / 0483 / 24\nseen 12 / 03 / 2024, 24 / 7 care; log 12 / 03 / 2024 PC Hughes",
     ["20 / HH / 0483 / 24"]),
    (R.ReferenceNumberRecognizer, "In FY23 NHS budgets fell; FY24 GDP; a blue van, reg AB12 CDE", ["AB12 CDE"]),
    (R.SocialHandleRecognizer, "the account bowsy_99, which; on Snapchat as kirra_paints.",
     ["bowsy_99", "kirra_paints"]),
    (R.SocialHandleRecognizer, "the account holder 2020 said; my profile picture", []),
    # a square or a crescent named after someone, not by what it is
    (AddressRecognizer, "down to George Square and then Kilmeny Crescent", ["George Square", "Kilmeny Crescent"]),
    (AddressRecognizer, "the Town Square and Market Square were empty", []),
    # Welsh streets, an address read two ways joined; a time after "arrived at" is none
    (AddressRecognizer, "Address: Flat 2, Tŷ Capel, 14 Heol y Capel\nTown: X; onto Ffordd yr Orsaf at speed",
     ["Flat 2, Tŷ Capel, 14 Heol y Capel", "Ffordd yr Orsaf"]),
    (AddressRecognizer, "the ambulance arrived at about 11.10pm; we arrived at 9:30 am", []),
    # a private mail bag, a post box as Nigeria writes it
    (AddressRecognizer, "College of Medicine, PMB 5117, Ibadan; Private Bag 12", ["PMB 5117, Ibadan", "Private Bag 12"]),
    # an officer after rank and collar number, in a statement's capitals
    (R.TitledPersonRecognizer, "I spoke to PC 1174 HUGHES and DC 4471 Dunmore", ["HUGHES", "Dunmore"]),
    # a compound first name's initials, initials without stops, a name wrapped onto the next
    # line (not a title on the line after another: "Officer\nDr")
    (R.TitledPersonRecognizer, "everybody calls her Dr. P-A now", ["P-A"]),
    (R.TitledPersonRecognizer, "the grandfather, Mr C A Gayle, then aged 88", ["Mr C A Gayle"]),
    (R.TitledPersonRecognizer, "on what Mr\n    Tranter had", ["Mr\n    Tranter"]),
    (R.TitledPersonRecognizer, "Chief Executive Officer\nDr Chidinma Nwosu (CN)", ["Dr Chidinma Nwosu"]),
    # a hospital by its name and "General", not an office
    (R.InstitutionRecognizer, "blocks at the Jewish General, and the Attorney General", ["Jewish General"]),
    # three digits after a cue only a numbered thing has
    (R.ReferenceNumberRecognizer, "it's locker 212 by the door, in room 212", ["212"]),
    # a capitalised surname that is also a word, after a first name (not a verb: "Lara Said")
    (R.NameListRecognizer, "then Emyr Price came", ["Emyr Price"]),
    # a block of flats as Singapore writes it
    (AddressRecognizer, "at Heng Kee coffeeshop (Blk 824) and at Blk 12A Tampines St 81", ["Blk 824",
                                                                                          "Blk 12A Tampines St 81"]),
    # a union's branch by its number, a company with a comma before its legal form (final21)
    (R.InstitutionRecognizer, "UNITED WAREHOUSE WORKERS, LOCAL 2417\nAgent: B. Okafor - Local 2417. Cell",
     ["LOCAL 2417", "Local 2417"]),
    (R.InstitutionRecognizer, "the local 24 hour shop, a Local 2.5 rate. Punjabi Speaker, Limited English", []),
    (R.InstitutionRecognizer, 'Employer: Pacific Crest Distribution, LLC ("PCD")', ["Pacific Crest Distribution, LLC"]),
    # a body named in French, its kind first and a word of the kind in lower case
    (R.InstitutionRecognizer, "les R2 au Centre hospitalier Delorme-Vachon (CHDV), puis au CH régional "
     "Saint-Lambert-de-l'Estuaire. Le Collège sous la main", ["Centre hospitalier Delorme-Vachon",
                                                               "CH régional Saint-Lambert-de-l'Estuaire"]),
    # "ID" after a cue is the cue's, not the code's first letters (final21)
    (R.ReferenceNumberRecognizer, "Employee ID 40718863. Employee ID: 30015527", ["40718863", "30015527"]),
    # a number after a cue word in French (final21), not a count after one
    (R.ReferenceNumberRecognizer, "Je suis sur la pagette 4-2271 toute la nuit. Dossier 0348821. Le dossier 12 pages",
     ["4-2271", "0348821"]),
    # who wrote a line: a chat's JSON author field, a quoted chat's sender after its time (not a role)
    (R.NameContextRecognizer, '{"ts": "10:06", "author": "Hope", "text": "Will do"}', ["Hope"]),
    (R.NameContextRecognizer, '{"sender": "Grace Tui", "text": "ok"}', ["Grace Tui"]),
    (R.NameContextRecognizer, '{"chat": "Hope Street", "text": "ok"}', []),
    (R.NameContextRecognizer, "Case note.\n[10:06] Mele: see you\n[10:07] Interviewer: ok\n[9:15 pm] Siosaia Taufa: fine",
     ["Mele", "Siosaia Taufa"]),
    # a user name after its account and a comma; a code of two groups of letters; a DECT phone's
    # extension; a relation named after whose it is
    (R.SocialHandleRecognizer, "messages me from her account, sunnymom_0412, to ask", ["sunnymom_0412"]),
    (R.ReferenceNumberRecognizer, "Our site number on the application was LAC-PL-0317.", ["LAC-PL-0317"]),
    (R.ReferenceNumberRecognizer, "Minutes prepared by SHR (DECT 8841)", ["8841"]),
    (R.ReferenceNumberRecognizer, "we had a locker 2019 to 2021", []),
    (R.NameContextRecognizer, "Daniel's wife Sora runs it", ["Sora"]),
    (R.NameContextRecognizer, "The Alzheimer's patient Group meets; the Trust's director General spoke", []),
    (R.SocialHandleRecognizer, "Taking into account, COVID19 changed everything", []),
    (R.ReferenceNumberRecognizer, "MIL-STD-810 and EN-ISO-13485 apply", []),
    (R.ReferenceNumberRecognizer, "Mi número de empleado era el 40217, todavía", ["40217"]),
    (R.ReferenceNumberRecognizer, "le numéro de dossier 88213", ["88213"]),
    (R.NameContextRecognizer, '{"from": "System", "text": "x"} {"user": "Deleted User"} {"Author": "Hope"}', ["Hope"]),
    # a greeting in another language before a first name is no part of it
    (R.NameListRecognizer, '"text": "Bienvenue Priya! Je t\'ajoute."', ["Priya"]),
    # two words written as one that no one is called are no surname after an everyday first name
    (lambda: R.NameListRecognizer(lower=True), "a swipe at door 7 (north breakroom) at 3:41", []),
    # final24: the name a record says a child goes by, initials too; an ethics reference that
    # looks like a year and a month but is none (a real "2024/03" stays a date); a university
    # as North America says it; a mining village's hall; a handle said aloud
    (R.NameContextRecognizer, "Forename(s): Kayden Lee   Known as: KJ", ["KJ"]),
    (R.NameContextRecognizer, "Candidate (Zhang Yiming, goes by Ethan) said so; known as the boss", ["Ethan"]),
    (R.ReferenceNumberRecognizer, "Ethics: AH&MRC HREC ref. 2087/23", ["2087/23"]),
    (R.ReferenceNumberRecognizer, "see ref. 2024/03 of the minutes", []),
    (R.InstitutionRecognizer, "Kevin is still at U of H, engineering; Ana went to the U of Manitoba.",
     ["U of H", "U of Manitoba"]),
    (R.InstitutionRecognizer, "outside the Workmen's Hall, and the Miners' Institute library", ["Workmen's Hall",
                                                                                                "Miners' Institute"]),
    (R.SocialHandleRecognizer, "the Instagram is at lotus nails underscore bellaire, all small", ["lotus nails underscore bellaire"]),
    (R.SocialHandleRecognizer, "it is at the underscore of it", []),
    (R.SocialHandleRecognizer, "These results underscore how hard it was; I would underscore that", []),
    (R.ReferenceNumberRecognizer, "case ref 2023/24 of the academic year", []),
    (R.NameContextRecognizer, "The bus goes by Asda. Candidate (Zhang Yiming, goes by Ethan) said so.", ["Ethan"]),
    (R.NameContextRecognizer, "My husband Ramon drives Uber, Mon we call him. Mum we call her.", ["Ramon", "Mon"]),
    (AddressRecognizer, "from Beltway 8 to Gessner, and inside Loop 610", ["Beltway 8", "Loop 610"]),
    # final25: a Slack export's profile, as detection reads it (underscores as spaces): an escaped
    # name, a display name in lower case, a login; not a file's name nor a reaction's
    (R.NameContextRecognizer, '"real name": "Ren\\u00e9e Lafreni\\u00e8re", "display name": "jesse"',
     ["Ren\\u00e9e Lafreni\\u00e8re", "jesse"]),
    (R.NameContextRecognizer, '"display_name": "", "real_name": "System"', []),
    (R.SocialHandleRecognizer, '"user profile": {"real name": "X", "name": "rlafreniere"}, "files": [{"name": "consent"}]',
     ["rlafreniere"]),
]


@pytest.mark.parametrize("make, text, expected", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_recognizer(make, text, expected):
    got = found(make(), text)
    assert sorted(got) == sorted(expected)


TRIM = [
    # text, kind, what stays as the identifying words
    ("Dr. Helen Marsh's", "person", "Helen Marsh"),
    ("my friend Bill", "person", "Bill"),
    ("the University of Kansas", "institution", "University of Kansas"),
    ("Northern Chicago", "place", "Chicago"),
    ("I'm Naomi Ryan", "person", "Naomi Ryan"),
    ("tom@example.com.", "contact", "tom@example.com"),
    ("At Grange Lane", "address", "Grange Lane"),          # a sentence's first word
    ("and Ilmalankuja 82.", "address", "Ilmalankuja 82"),
    ("The Old Mill, 5 Kiln Road", "address", "The Old Mill, 5 Kiln Road"),
    ("at forty Birch Street", "address", "forty Birch Street"),   # a house number said in words
    ("route twelve", "address", "route twelve"),
    # a note's first verb, a credential, a relation, capitalised before a name
    ("Attends Christ Apostolic Church", "institution", "Christ Apostolic Church"),
    ("Contacted Mary Obi", "person", "Mary Obi"),
    ("PharmD Hector Villaseñor", "person", "Hector Villaseñor"),
    ("Son Darnell", "person", "Darnell"),
    ("Son Nguyen", "person", "Son Nguyen"),          # a first name, before no first name
    ("Saw Mill Lane", "place", "Saw Mill Lane"),     # a verb of notes, in a place's name
    ("Met Office", "institution", "Met Office"),
    ("Works", "institution", "Works"),
]


@pytest.mark.parametrize("text, kind, core", TRIM)
def test_trim(text, kind, core):
    address = kind == "address"
    assert ent.trim(text, 0, len(text), "place" if address else kind, address=address)[2] == core


def test_a_word_of_a_known_persons_name_is_that_person_whatever_ner_called_it():
    """NER takes a lone first name for a place or an organisation now and then; linked to
    the person whose name holds it, it gets that person's pseudonym, not a place's."""
    from deid import key as keyfile
    from deid.linker import KeyIndex, Linker
    from deid.model import Kind, Mention
    from deid.study import SCHEMA, Study
    con = keyfile.empty()
    con.executescript(SCHEMA)
    linker = Linker(KeyIndex(Study(None, con, None)))
    full = Mention(0, 0, 0, 16, Kind.PERSON, 0.9, "SpacyRecognizer", "Oksana Kovalenko")
    alone = Mention(0, 1, 20, 26, Kind.PLACE, 0.8, "SpacyRecognizer", "Oksana")
    town = Mention(0, 1, 30, 36, Kind.PLACE, 0.8, "SpacyRecognizer", "Zgierz")
    person = linker.link(full)
    assert linker.link(alone) == person and alone.kind == Kind.PERSON
    assert linker.link(town) != person and town.kind == Kind.PLACE


def test_a_country_found_alone_that_is_a_word_of_an_address_is_looked_for_alone():
    """Regression (presidio-synth, after final21's fixes drew pseudonyms in another order): a
    country NER found alone ("from Iceland") after an address that ends with it was linked to
    the address, as its short form, but never looked for alone: "Iceland 28766" of another text
    was left. An everyday word of an address is not looked for alone."""
    from deid import key as keyfile
    from deid.linker import KeyIndex, Linker
    from deid.model import Kind, Mention
    from deid.study import SCHEMA, Study
    con = keyfile.empty()
    con.executescript(SCHEMA)
    index = KeyIndex(Study(None, con, None))
    address = Mention(0, 0, 0, 48, Kind.PLACE, 0.9, "STREET_ADDRESS", "0104 Hafnarstraeti 5, Akureyri, Iceland 80296")
    eid = Linker(index).link(address)
    for word in ("Iceland", "Street"):   # (what linking a word found alone to the address does)
        index.add_alias(word, eid)
    assert index.searchable("iceland", eid) and not index.searchable("street", eid)


TRUECASE = [
    # an all-lower-case transcript, and words it must capitalise / leave alone
    ("my supervisor was faith okafor she was good to us", ["Faith", "Okafor"], ["Was", "Good"]),
    # a first name that is a word before a surname nobody writes in lower case; a name spoken
    # to between commas; a name after "me mam"
    ("grace beaumont she were then and we said grace", ["Grace Beaumont"], ["said Grace"]),
    ("and he said, wal, don't look up. he said, look, it's fine", ["Wal"], ["Look"]),
    ("there were six of us, me mam rose, me dad", ["Rose"], ["Dad"]),
    ("and my sister said no and i said fine", ["I"], ["Said"]),   # a verb, not the name Said
    ("i worked at the laundry on ohio street for a while", ["Ohio", "Street", "I"], ["Laundry"]),
    ("my friend bill came by and we talked about the bill", ["Bill came"], ["the Bill"]),
    # towns and names nobody writes as lower-case words; towns of two words whole
    ("i grew up in hartford then kansas city and tyler came too", ["Hartford", "Kansas City", "Tyler"], []),
    ("they all want to go to manchester for uni", ["Manchester"], ["Uni"]),
    ("we took a bath in reading with the walker", [], ["Bath", "Reading", "Walker"]),
    ("the early help team jo pilkington there is brilliant", ["Jo Pilkington"], ["Team"]),
    # a name whose dictionary word nobody uses: "amadou" (a tinder fungus)
    ("and amadou said the water came up to the porch", ["Amadou"], ["Water", "Porch"]),
    ("i think the town clerk ruth she's been calling people", ["Ruth"], ["Clerk", "Town"]),
    # a first name that is a word, before a verb of speaking
    ("and rose said we should go but the bill said otherwise", ["Rose said"], ["Bill"]),
    # an unlisted name used often enough, in a whole uncased transcript; a greeting before a name
    ("so then sanjay came round. hey hope you are well. ty maria!! hi rose, yes", ["Sanjay", "Maria", "Rose,"],
     ["Hope"]),
    # the kind of a body said after its name, a word of the name perhaps before it; Scots
    # negatives are words ("didnae", "naebody")
    ("the meeting at the bethesda hall and then mcphail brothers fishing limited in buckie",
     ["Bethesda Hall", "Mcphail Brothers Fishing Limited"], ["The Meeting"]),
    ("he didnae ken naebody and the clippies couldnae say", [], ["Didnae", "Naebody", "Clippies", "Couldnae"]),
]


def test_a_csv_tables_cells_are_read_one_by_one():
    """Regression (a survey exported as CSV): NER read across the commas between cells
    ("Vale NHS Foundation Trust,"Agency"). The table's delimiters become line breaks for
    detection; commas inside a quoted cell, and a text that is no table, stay."""
    from deid.table import as_lines
    table = ('id,role,site,comment\nR1,Nurse,Calder Trust,"Agency spend, again"\n'
             'R2,HCA,Calder Trust,"Fine"\nR3,GP,Kirkgate,"No, thanks"\n')
    out = as_lines(table)
    assert len(out) == len(table) and out.startswith("id\nrole\nsite\ncomment\nR1\nNurse\nCalder Trust,")
    assert '"Agency spend, again"' in out and '"No, thanks"' in out
    prose = "Well, I said, yes, we went, and then, later, we left.\nOk.\n"
    assert as_lines(prose) == prose


def test_a_table_after_its_exports_own_lines_and_with_a_cell_over_two_lines_is_read_cell_by_cell():
    """Regression (a Dedoose export): the table was missed because the export's own lines
    ("Dedoose Excerpts Export", "Rows: 3") come before its header; and a quoted cell that runs
    over two lines, as CSV allows, broke the count of a row's cells. (A comma beside a quoted
    cell stays a comma: selection cuts there; unquoted cells are read on lines of their own.)"""
    from deid.table import as_lines
    text = ('Dedoose Excerpts Export\nProject: Home care, wave 2\nRows: 3\n\n'
            '"Excerpt ID","Media Title","Site","Excerpt Copy"\n'
            '"EX-1","E03 Gisele Boucher.docx","Mauricie","Moi, j\'ai commence"\n'
            '"EX-2","E04 Rosalie.docx","Mauricie","Mme Laframboise, sur le chemin\ndu Lac-Vert, onze ans"\n'
            '"EX-3","E05 Ti-Guy.docx","Estrie","Non, merci"\n'
            '"EX-4","E06 Pierre.docx","Estrie","Oui"\n')
    from deid.table import cells
    delimiters = cells(text).delimiters
    assert len(delimiters) == 5 * 3 and all(text[d] == "," for d in delimiters)
    row = text.index('"EX-2"')
    assert [d - row for d in delimiters if d > row][:3] == [6, 25, 36]
    unquoted = ("Dedoose Excerpts Export\nRows: 4\nid,title,site,codes\nEX-1,E03 Gisele.docx,Mauricie,Langue\n"
                "EX-2,E04 Rosalie.docx,Mauricie,Famille\nEX-3,E05 Ti-Guy.docx,Estrie,Langue\nEX-4,E06 Pierre.docx,Estrie,Oui\n")
    assert "\nEX-2\nE04 Rosalie.docx\nMauricie\nFamille\n" in as_lines(unquoted)


OSCE = ('Exam,Station,Cand No,Student ID,Examiner,Site,Comments\n'
        'Y3 2024,1,2031,200745812,Dr A Okonkwo,SJUH,"Good, empathic"\n'
        'Y3 2024,2,2041,200738064,"HUSSAIN, Tariq (Prof)",SJUH,"Did not wash hands"\n'
        'Y3 2024,3,2044,,s.whitfield,SJUH,"Said mass, not cancer"\n'
        'Y3 2024,4,2046,200771304,Dr Ooi,Harewood,"Fine"\n'
        '\nFrom: Course lead\nTo: Examiners\nSubject: comments, before release\n\n'
        'Hi all, please check your rows.\nThanks, Sam\n')


def test_a_table_ends_where_the_text_under_it_begins_and_its_id_columns_are_numbers():
    """Regression (final18, an OSCE export with an e-mail under it): the table was missed, as
    its rows are fewer than four lines in five of the whole text; and the candidates' numbers
    of the "Cand No" column, of a year's shape ("2041"), were kept. A column named for an
    identifier from outside the study holds identifiers (not the study's own codes)."""
    from deid.table import as_lines, id_cells
    assert as_lines(OSCE).startswith("Exam\nStation\nCand No\n")
    assert [OSCE[s:e] for s, e in id_cells(OSCE)] == ["2031", "200745812", "2041", "200738064", "2044",
                                                      "2046", "200771304"]
    assert "Hi all, please check your rows." in as_lines(OSCE)   # (the e-mail is no table)
    assert id_cells("Station,Score,Max,Code\n1,17,20,A1\n2,9,24,B2\n3,14,20,C3\n4,8,20,D4\n") == []
    own = "record_id,Respondent ID,site,score\n1001,R0103,A,3\n1002,R0107,B,4\n1003,R0112,A,2\n1004,R0118,C,5\n"
    assert id_cells(own) == []


def test_a_tables_column_of_workplaces_holds_bodies():
    """Regression (final18): "SJUH" in the OSCE export's "Site" column was flagged in every
    row, never replaced; an acronym there is a body's (not one anyone uses: "ICU")."""
    from deid.table import body_cells
    assert [OSCE[s:e] for s, e in body_cells(OSCE)] == ["SJUH"] * 3
    wards = "Name,Site,Score,Max\nAnn,ICU,1,2\nBo,MAU,2,2\nCy,N/A,1,2\nDi,WFH,2,2\nEd,SELF,1,2\n"
    assert body_cells(wards) == []
    own = "record_id,Respondent ID,site,score\n1001,R0103,A,3\n1002,R0107,B,4\n1003,R0112,A,2\n1004,R0118,C,5\n"
    assert body_cells(own) == []


CELL_CASES = [
    # text, a span found across cells, the pieces it is cut into
    ('"Relation famille","Mme Després"', "famille\",\"Mme Després", ["famille", "Mme Després"]),
    ('"EX-0519", "E07 Rosalie - Bel-Horizon.docx"', "EX-0519\", \"E07 Rosalie", ["EX-0519", "E07 Rosalie"]),
    ("Calder Trust\tAgency", "Calder Trust\tAgency", ["Calder Trust", "Agency"]),
    ('R1,Nurse,Calder Trust,"Agency spend, again"', 'Calder Trust,"Agency', ["Calder Trust", "Agency"]),
    ("He met Anna Rossi, then left", "Anna Rossi", ["Anna Rossi"]),
]


def test_what_is_read_across_a_cells_edge_is_cut_there():
    from deid.table import cells
    for text, found, pieces in CELL_CASES:
        s = text.index(found)
        got = [text[a:b] for a, b in cells(text).apart(s, s + len(found))]
        assert got == pieces, (text, got)


WHOLE_CASES = [
    ('"Excerpt ID","Excerpt Range","Codes"', "Excerpt Range", True),
    ('x,"Relation famille"\n', "Relation famille", True),
    ('She said "Excerpt Range" twice', "Excerpt Range", False),
    ('"Relation famille et amis","b"', "Relation famille", False),
]


def test_a_mention_that_is_all_of_a_quoted_cell_is_known():
    from deid.table import cells
    for text, mention, whole in WHOLE_CASES:
        s = text.index(mention)
        assert cells(text).is_whole(s, s + len(mention)) is whole, (text, mention)


def test_a_line_in_capitals_keeps_its_codes():
    """Regression: the line "CJSW ref: NE/CPO/24/0318   CHI: 0305041187" was recased whole,
    and the reference, recased "Ne/Cpo/24/0318", was no reference any more."""
    from deid.truecase import recase_capitals
    out = recase_capitals("CLIENT: DANIEL McCREADY\nCJSW ref: NE/CPO/24/0318   CHI: 0305041187\n")
    assert "NE/CPO/24/0318" in out and "Daniel" in out


def test_lower_case_lines_of_a_cased_text_have_their_names_capitalised():
    """A chat message or a note typed fast, in lower case, among cased lines."""
    from deid.truecase import truecase_lower_lines
    text = ("The meeting went well.\nfollow up with patricia desrosiers in a couple of months\n"
            "ok sounds good\nWe sell inbound and outbound.\nwe sell inbound and outbound sales too\n"
            "ty maria!! signup is at https://www.signupgenius.com/go/10C0E48ACA82\n")
    out = truecase_lower_lines(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert "Patricia Desrosiers" in out and "The meeting" in out and "ty Maria!!" in out
    assert "inbound" in out.split("\n")[4] and "Ok" not in out


@pytest.mark.parametrize("text, caps, kept", TRUECASE)
def test_truecase(text, caps, kept):
    text = (text + " ") * 4   # long enough to count as uncased
    assert is_uncased(text)
    out = truecase(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    for w in caps:
        assert w in out, w
    for w in kept:
        assert w not in out, w


LABELS = [
    # a speaker label, and the name it holds (None: a role or a header's field)
    ("Dana Whitfield", "Dana Whitfield"),
    ("Dr. Helen Marsh (Guest)", "Helen Marsh"),
    ("Grace", "Grace"),
    ("DW", "DW"),
    ("Speaker 2", None),
    ("Respondent B", None),
    ("Date", None),     # "Date: Sat, 13 Apr 2024" of an e-mail: "Date" is a surname somewhere
    ("Ward", None),
    ("Subject", None),
    # Zoom names a participant who joined without a name after the device
    ("Lan's iPad", "Lan"),
    ("Maria’s Galaxy S21", "Maria"),
    ("Interviewer's iPad", None),
    ("iPad", None),
    ("maria.g", "maria.g"),   # a chat's user name: a handle
    ("speaker_1", None),   # roles written with an underscore
    ("int_2", None),
    ("interviewer_a", None),
    ("p_07", None),
    ("duc_tran", "duc_tran"),
    ("p.07", None),
    ("Date of interview", None),   # a header's field and ordinary words
    ("Transcriber initials", None),
    ("Doctor Smith", "Smith"),
]


@pytest.mark.parametrize("label, name", LABELS)
def test_speaker_label(label, name):
    from deid.labels import name_in
    got = name_in(label, 0, 0)
    assert (got.mention.text if got else None) == name


# a display name and what its brackets hold: the body, place or name it shows, or None
BODIES = [
    ("Wong Pei Shan (NUS)", "NUS", "institution"),
    ("Jane Doe (Leeds Teaching Hospitals)", "Leeds Teaching Hospitals", "institution"),
    ("Jane Doe (Northern Care Alliance)", "Northern Care Alliance", "institution"),
    ("Jane Doe (Bradford)", "Bradford", "place"),
    ("Lim Jia Hui Joanne (Jo)", "Jo", "person"),   # the name she goes by
    ("Jane Doe (Guest)", None, None),
    ("Jane Doe (she/her)", None, None),
    ("Dr Amir Khan (He/Him)", None, None),
    ("Jane Doe (Host, Me)", None, None),
    ("Jane Doe (External)", None, None),
    ("Jane Doe (Deaf Interpreter)", None, None),
    ("Jane Doe (Research Team)", None, None),
    ("Jane Doe (UK)", None, None),   # an acronym anyone uses
    ("Jane Doe (P07)", None, None),
    ("Jane Doe (2)", None, None),
    ("Dr Jane Doe (Cardiology)", None, None),   # a department
    ("Jane Doe (Observer, NUS)", "NUS", "institution"),   # of a list, the part that names
    ("Jane Doe (Host, Me)", None, None),
]


@pytest.mark.parametrize("label, body, kind", BODIES)
def test_body_of_a_display_name(label, body, kind):
    from deid.labels import name_in
    got = name_in(label, 0, 0).body
    assert ((got.text, got.kind.value) if got else (None, None)) == (body, kind)


# (readings of one name over a batch, NER's kind of this mention, the name) -> the agreed kind
P, L, O = "person", "place", "institution"
KINDS = [
    ({P: 1, L: 1, "address": 2}, P, "Oxenholt", L),          # an address's town outweighs NER
    ({P: 1, L: 4}, P, "Fearnley Lock", L),                   # most readings
    ({P: 1, L: 3, "cue": 1}, L, "Sugar", P),                 # "we call him Sugar": the cue wins
    ({P: 1, L: 2}, P, "Shirley", P),                         # a first name alone is a town only by an address
    ({P: 1, O: 1}, O, "Marie-Ève Tremblay-Gagnon", P),       # a tie, and a first name opens it
    ({P: 1, O: 1}, O, "Fosse Freight", O),                   # a tie, no first name: as NER read it
    ({P: 1, L: 1}, L, "Mistry", P),                          # a tie, a surname alone: a person
    ({P: 1, L: 1}, L, "Leicester", L),                       # ... not a town, no surname
    ({L: 3}, L, "Leeds", L),                                 # no disagreement
    ({P: 2, "body": 1}, P, "Lyell McEwin", O),              # "Lyell McEwin Hospital" names it too
    ({P: 1, "body": 1, "cue": 1}, P, "John Radcliffe", P),    # ... but "Dr John Radcliffe" is a person
    ({P: 1, "body": 1}, P, "Dorothy Haines", P),           # ... and a first name opens this one
]


@pytest.mark.parametrize("count, kind, text, agreed", KINDS)
def test_one_kind_agreed_for_a_name(count, kind, text, agreed):
    from collections import Counter
    from deid import kinds
    from deid.model import Kind
    votes = Counter({Kind(k) if k in (P, L, O) else k: n for k, n in count.items()})
    assert kinds._winner(votes, Kind(kind), text) == Kind(agreed)
