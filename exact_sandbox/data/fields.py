"""Field names and OData types per entity, from exact-online-fields.md (spec companion).

Kept as the spec writes them (`Name (Type)`, `*` = key, `..` = numbered range) so the
lists can be checked against the spec by eye; `schema.py` parses them.
"""

DIVISION = (
    "*Code (Int32); AddressLine1 (String); AddressLine2 (String); AddressLine3 (String); "
    "ArchiveDate (DateTime); BlockingStatus (Int32); BusinessTypeCode (String); "
    "BusinessTypeDescription (String); ChamberOfCommerceEstablishment (String); "
    "ChamberOfCommerceNumber (String); City (String); Class_01 (HRM.DivisionClass); Class_02 "
    "(HRM.DivisionClass); Class_03 (HRM.DivisionClass); Class_04 (HRM.DivisionClass); Class_05 "
    "(HRM.DivisionClass); CompanySizeCode (String); CompanySizeDescription (String); Country "
    "(String); Created (DateTime); Creator (Guid); CreatorFullName (String); Currency (String); "
    "Current (Boolean); Customer (Guid); CustomerCode (String); CustomerName (String); "
    "DatevAccountantNumber (String); DatevClientNumber (String); Description (String); "
    "DivisionMoveDate (DateTime); Email (String); Fax (String); Hid (Int64); IsDossierDivision "
    "(Boolean); IsMainDivision (Boolean); IsPracticeDivision (Boolean); Legislation (String); "
    "Modified (DateTime); Modifier (Guid); ModifierFullName (String); OBNumber (String); Phone "
    "(String); Postcode (String); SbiCode (String); SbiDescription (String); SectorCode (String); "
    "SectorDescription (String); ShareCapital (Double); SiretNumber (String); StartDate "
    "(DateTime); State (String); Status (Int32); SubsectorCode (String); SubsectorDescription "
    "(String); TaxOfficeNumber (String); TaxReferenceNumber (String); TemplateCode (String); "
    "VATNumber (String); Website (String); DivisionHRLinkUnlinkDate (String); IsHRDivision "
    "(Boolean)"
)

ITEM = (
    "*ID (Guid); AverageCost (Double); Barcode (String); Class_01..09 (String); Class_10 "
    "(String); Code (String); CopyRemarks (Byte); CostPriceCurrency (String); CostPriceNew "
    "(Double); CostPriceStandard (Double); Created (DateTime); Creator (Guid); CreatorFullName "
    "(String); Description (String); Division (Int32); EndDate (DateTime); ExtraDescription "
    "(String); FreeBoolField_01..05 (Boolean); FreeDateField_01..05 (DateTime); "
    "FreeNumberField_01..08 (Double); FreeTextField_01..09 (String); FreeTextField_10 (String); "
    "GLCosts (Guid); GLCostsCode (String); GLCostsDescription (String); GLRevenue (Guid); "
    "GLRevenueCode (String); GLRevenueDescription (String); GLStock (Guid); GLStockCode (String); "
    "GLStockDescription (String); GrossWeight (Double); IsBatchItem (Byte); IsBatchNumberItem "
    "(Byte); IsFractionAllowedItem (Boolean); IsMakeItem (Byte); IsNewContract (Byte); "
    "IsOnDemandItem (Byte); IsPackageItem (Boolean); IsPurchaseItem (Boolean); "
    "IsRegistrationCodeItem (Byte); IsSalesItem (Boolean); IsSerialItem (Boolean); "
    "IsSerialNumberItem (Boolean); IsStockItem (Boolean); IsSubcontractedItem (Boolean); "
    "IsTaxableItem (Byte); IsTime (Byte); IsWebshopItem (Byte); ItemGroup (Guid); ItemGroupCode "
    "(String); ItemGroupDescription (String); Modified (DateTime); Modifier (Guid); "
    "ModifierFullName (String); NetWeight (Double); NetWeightUnit (String); Notes (String); "
    "PictureName (String); PictureThumbnailUrl (String); PictureUrl (String); SalesVatCode "
    "(String); SalesVatCodeDescription (String); SearchCode (String); SecurityLevel (Int32); "
    "StandardSalesPrice (Double); StartDate (DateTime); StatisticalCode (String); "
    "StatisticalNetWeight (Double); StatisticalUnits (Double); StatisticalValue (Double); Stock "
    "(Double); Unit (String); UnitDescription (String); UnitType (String); CustomField (String); "
    "Picture (String)"
)

ITEM_GROUP = (
    "*ID (Guid); Code (String); Created (DateTime); Creator (Guid); CreatorFullName (String); "
    "Description (String); Division (Int32); GLCosts (Guid); GLCostsCode (String); "
    "GLCostsDescription (String); GLPurchaseAccount (Guid); GLPurchaseAccountCode (String); "
    "GLPurchaseAccountDescription (String); GLPurchasePriceDifference (Guid); "
    "GLPurchasePriceDifferenceCode (String); GLPurchasePriceDifferenceDescr (String); GLRevenue "
    "(Guid); GLRevenueCode (String); GLRevenueDescription (String); GLStock (Guid); GLStockCode "
    "(String); GLStockDescription (String); GLStockVariance (Guid); GLStockVarianceCode (String); "
    "GLStockVarianceDescription (String); IsDefault (Byte); Modified (DateTime); Modifier (Guid); "
    "ModifierFullName (String); Notes (String)"
)

UNIT = (
    "*ID (Guid); Active (Boolean); Code (String); Description (String); Division (Int32); Main "
    "(Byte); TimeUnit (String); Type (String)"
)

ACCOUNT = (
    "*ID (Guid); Accountant (Guid); AccountManager (Guid); AccountManagerFullName (String); "
    "AccountManagerHID (Int32); ActivitySector (Guid); ActivitySubSector (Guid); AddressLine1 "
    "(String); AddressLine2 (String); AddressLine3 (String); BankAccounts (BankAccounts); Blocked "
    "(Boolean); BRIN (Guid); BSN (String); BusinessType (Guid); CanDropShip (Boolean); "
    "ChamberOfCommerce (String); City (String); Classification (String); Classification1 (Guid); "
    "Classification2 (Guid); Classification3 (Guid); Classification4 (Guid); Classification5 "
    "(Guid); Classification6 (Guid); Classification7 (Guid); Classification8 (Guid); "
    "ClassificationDescription (String); Code (String); CodeAtSupplier (String); CompanySize "
    "(Guid); ConsolidationScenario (Byte); ControlledDate (DateTime); Costcenter (String); "
    "CostcenterDescription (String); CostPaid (Byte); Country (String); CountryName (String); "
    "Created (DateTime); Creator (Guid); CreatorFullName (String); CreditLinePurchase (Double); "
    "CreditLineSales (Double); Currency (String); CustomerSince (DateTime); DatevCreditorCode "
    "(String); DatevDebtorCode (String); DeliveryAdvice (Byte); DiscountPurchase (Double); "
    "DiscountSales (Double); Division (Int32); Document (Guid); DunsNumber (String); Email "
    "(String); EndDate (DateTime); EstablishedDate (DateTime); Fax (String); GLAccountPurchase "
    "(Guid); GLAccountSales (Guid); GLAP (Guid); GLAR (Guid); GlnNumber (String); "
    "HasWithholdingTaxSales (Boolean); IgnoreDatevWarningMessage (Boolean); "
    "IncotermAddressPurchase (String); IncotermAddressSales (String); IncotermCodePurchase "
    "(String); IncotermCodeSales (String); IncotermVersionPurchase (Int16); IncotermVersionSales "
    "(Int16); IntraStatArea (String); IntraStatDeliveryTerm (String); IntraStatSystem (String); "
    "IntraStatTransactionA (String); IntraStatTransactionB (String); IntraStatTransportMethod "
    "(String); InvoiceAccount (Guid); InvoiceAccountCode (String); InvoiceAccountName (String); "
    "InvoiceAttachmentType (Int32); InvoicingMethod (Int32); IsAccountant (Byte); IsAgency "
    "(Byte); IsAnonymised (Byte); IsBank (Boolean); IsCompetitor (Byte); IsExtraDuty (Boolean); "
    "IsMailing (Byte); IsMember (Boolean); IsPilot (Boolean); IsPurchase (Boolean); IsReseller "
    "(Boolean); IsSales (Boolean); IsSupplier (Boolean); Language (String); LanguageDescription "
    "(String); Latitude (Double); LeadPurpose (Guid); LeadSource (Guid); Logo (Binary); "
    "LogoFileName (String); LogoThumbnailUrl (String); LogoUrl (String); Longitude (Double); "
    "MainContact (Guid); Modified (DateTime); Modifier (Guid); ModifierFullName (String); Name "
    "(String); OINNumber (String); Parent (Guid); PayAsYouEarn (String); PaymentConditionPurchase "
    "(String); PaymentConditionPurchaseDescription (String); PaymentConditionSales (String); "
    "PaymentConditionSalesDescription (String); Phone (String); PhoneExtension (String); Postcode "
    "(String); PriceList (Guid); PurchaseCurrency (String); PurchaseCurrencyDescription (String); "
    "PurchaseLeadDays (Int32); PurchaseVATCode (String); PurchaseVATCodeDescription (String); "
    "RecepientOfCommissions (Boolean); Remarks (String); Reseller (Guid); ResellerCode (String); "
    "ResellerName (String); RSIN (String); SalesCurrency (String); SalesCurrencyDescription "
    "(String); SalesTaxSchedule (Guid); SalesTaxScheduleCode (String); "
    "SalesTaxScheduleDescription (String); SalesVATCode (String); SalesVATCodeDescription "
    "(String); SearchCode (String); SecurityLevel (Int32); SeparateInvPerProject (Byte); "
    "SeparateInvPerSubscription (Byte); ShippingLeadDays (Int32); ShippingMethod (Guid); "
    "ShowRemarkForSales (Boolean); StartDate (DateTime); State (String); StateName (String); "
    "Status (String); StatusSince (DateTime); TradeName (String); Type (String); "
    "UniqueTaxpayerReference (String); VATLiability (String); VATNumber (String); Website "
    "(String); AutomaticProcessProposedEntry (Int32); CustomField (String); "
    "EnableSalesPaymentLink (Boolean); EORINumber (String); PeppolIdentifier (String); "
    "PeppolIdentifierType (Int32)"
)

SALES_ITEM_PRICE = (
    "*ID (Guid); Account (Guid); AccountName (String); Created (DateTime); Creator (Guid); "
    "CreatorFullName (String); Currency (String); DefaultItemUnit (String); "
    "DefaultItemUnitDescription (String); Division (Int32); EndDate (DateTime); Item (Guid); "
    "ItemCode (String); ItemDescription (String); Modified (DateTime); Modifier (Guid); "
    "ModifierFullName (String); NumberOfItemsPerUnit (Double); Price (Double); Quantity (Double); "
    "StartDate (DateTime); Unit (String); UnitDescription (String); Barcode (String); Employee "
    "(String); Project (String); ProjectDescription (String)"
)

PRICE_LIST = (
    "*ID (Guid); Code (String); Created (DateTime); Creator (Guid); CreatorFullName (String); "
    "Currency (String); Description (String); Division (Int32); Entity (Int16); Modified "
    "(DateTime); Modifier (Guid); ModifierFullName (String); Notes (String); Type (Int16)"
)

PRICE_LIST_PERIOD = (
    "*ID (Guid); Created (DateTime); Creator (Guid); CreatorFullName (String); Currency (String); "
    "Division (Int32); EndDate (DateTime); Modified (DateTime); Modifier (Guid); ModifierFullName "
    "(String); PriceList (Guid); StartDate (DateTime); Type (Int16)"
)

VOLUME_DISCOUNT = (
    "*ID (Guid); BasePrice (Guid); BasePriceAmount (Double); Created (DateTime); Creator (Guid); "
    "CreatorFullName (String); Discount (Double); Division (Int32); EntryMethod (Int32); Item "
    "(Guid); ItemCode (String); ItemDescription (String); ItemGroup (Guid); ItemGroupCode "
    "(String); ItemGroupDescription (String); Modified (DateTime); Modifier (Guid); "
    "ModifierFullName (String); NewPrice (Double); NumberOfItemsPerUnit (Double); PriceListCode "
    "(String); PriceListDescription (String); PriceListPeriod (Guid); Quantity (Double); "
    "SalesUnit (String); Unit (String); UnitDescription (String)"
)

SALES_ORDER = (
    "*OrderID (Guid); AmountDC (Double); AmountDiscount (Double); AmountDiscountExclVat (Double); "
    "AmountFC (Double); AmountFCExclVat (Double); ApprovalStatus (Int16); "
    "ApprovalStatusDescription (String); Approved (DateTime); Approver (Guid); ApproverFullName "
    "(String); Created (DateTime); Creator (Guid); CreatorFullName (String); Currency (String); "
    "DeliverTo (Guid); DeliverToContactPerson (Guid); DeliverToContactPersonFullName (String); "
    "DeliverToName (String); DeliveryAddress (Guid); DeliveryDate (DateTime); DeliveryStatus "
    "(Int16); DeliveryStatusDescription (String); Description (String); Discount (Double); "
    "Division (Int32); Document (Guid); DocumentNumber (Int32); DocumentSubject (String); "
    "IncotermAddress (String); IncotermCode (String); IncotermVersion (Int16); InvoiceStatus "
    "(Int16); InvoiceStatusDescription (String); InvoiceTo (Guid); InvoiceToContactPerson (Guid); "
    "InvoiceToContactPersonFullName (String); InvoiceToName (String); Modified (DateTime); "
    "Modifier (Guid); ModifierFullName (String); OrderDate (DateTime); OrderedBy (Guid); "
    "OrderedByContactPerson (Guid); OrderedByContactPersonFullName (String); OrderedByName "
    "(String); OrderNumber (Int32); PaymentCondition (String); PaymentConditionDescription "
    "(String); PaymentReference (String); Remarks (String); SalesChannel (Guid); SalesChannelCode "
    "(String); SalesChannelDescription (String); SalesOrderLines (SalesOrderLines); Salesperson "
    "(Guid); SalespersonFullName (String); SelectionCode (Guid); SelectionCodeCode (String); "
    "SelectionCodeDescription (String); ShippingMethod (Guid); ShippingMethodDescription "
    "(String); Status (Int16); StatusDescription (String); TaxSchedule (Guid); TaxScheduleCode "
    "(String); TaxScheduleDescription (String); WarehouseCode (String); WarehouseDescription "
    "(String); WarehouseID (Guid); YourRef (String); CustomField (String); "
    "SalesOrderOrderChargeLines (SalesOrderOrderChargeLine[])"
)

SALES_ORDER_LINE = (
    "*ID (Guid); AmountDC (Double); AmountFC (Double); CostCenter (String); CostCenterDescription "
    "(String); CostPriceFC (Double); CostUnit (String); CostUnitDescription (String); "
    "CustomerItemCode (String); DeliveryDate (DateTime); DeliveryStatus (Int16); Description "
    "(String); Discount (Double); Division (Int32); InvoiceStatus (Int16); Item (Guid); ItemCode "
    "(String); ItemDescription (String); ItemVersion (Guid); ItemVersionDescription (String); "
    "LineNumber (Int32); Margin (Double); NetPrice (Double); Notes (String); OrderID (Guid); "
    "OrderNumber (Int32); OrderStatus (Int16); Pricelist (Guid); PricelistDescription (String); "
    "Project (Guid); ProjectDescription (String); PurchaseOrder (Guid); PurchaseOrderLine (Guid); "
    "PurchaseOrderLineNumber (Int32); PurchaseOrderNumber (Int32); Quantity (Double); "
    "QuantityDelivered (Double); QuantityInvoiced (Double); ShopOrder (Guid); TaxSchedule (Guid); "
    "TaxScheduleCode (String); TaxScheduleDescription (String); UnitCode (String); "
    "UnitDescription (String); UnitPrice (Double); UseDropShipment (Byte); VATAmount (Double); "
    "VATCode (String); VATCodeDescription (String); VATPercentage (Double); CustomField (String)"
)

# vat/VATCodes: the spec companion has no list; these are the fields Exact's reference gives.
VAT_CODE = (
    "*ID (Guid); Account (Guid); AccountCode (String); AccountName (String); CalculationBasis "
    "(Byte); Charged (Boolean); Code (String); Country (String); Created (DateTime); Creator "
    "(Guid); CreatorFullName (String); Description (String); Division (Int32); EUSalesListing "
    "(String); ExcludeVATListing (Byte); GLDiscountPurchase (Guid); GLDiscountPurchaseCode "
    "(String); GLDiscountPurchaseDescription (String); GLDiscountSales (Guid); "
    "GLDiscountSalesCode (String); GLDiscountSalesDescription (String); GLToClaim (Guid); "
    "GLToClaimCode (String); GLToClaimDescription (String); GLToPay (Guid); GLToPayCode "
    "(String); GLToPayDescription (String); IntraStat (Boolean); IntrastatType (String); "
    "IsBlocked (Boolean); LegalText (String); Modified (DateTime); Modifier (Guid); "
    "ModifierFullName (String); OssCountry (String); Percentage (Double); TaxReturnType (Int16); "
    "Type (String); VatDocType (String); VatMargin (Byte); VATPartialRatio (Int32); "
    "VATTransactionType (String)"
)

DELETED = (
    "*Timestamp (Int64); DeletedBy (Guid); DeletedDate (DateTime); Division (Int32); EntityKey "
    "(Guid); EntityType (Int32); ID (Guid)"
)
